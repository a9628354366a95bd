import type { Problem } from '../../schema/problems';
import type { VideoScript } from '../../schema/video-script';
import type { AssetKind } from './manifest';

export type RedoRequest = { readonly sceneId: number; readonly kind: AssetKind };

const KINDS: Readonly<Record<string, AssetKind[]>> = { voice: ['voice'], image: ['image'], all: ['voice', 'image'] };

/** Parses `--redo 3:voice`, `--redo 3:image` or `--redo 3` (both) against the script's scene ids. */
export const parseRedo = (values: readonly string[], script: VideoScript): { requests: RedoRequest[]; problems: Problem[] } => {
	const ids = new Set(script.scenes.map((s) => s.scene_id));
	const requests: RedoRequest[] = [];
	const problems: Problem[] = [];
	for (const value of values) {
		const match = /^(\d+)(?::(voice|image|all))?$/.exec(value.trim());
		if (!match) {
			problems.push({ path: '--redo', message: `${JSON.stringify(value)} is not SCENE:voice, SCENE:image or SCENE; e.g. --redo 3:voice` });
			continue;
		}
		const sceneId = Number(match[1]);
		if (!ids.has(sceneId)) {
			problems.push({ path: '--redo', message: `scene ${sceneId} is not in the script; scene ids are ${[...ids].join(', ')}` });
			continue;
		}
		for (const kind of KINDS[match[2] ?? 'all']!) requests.push({ sceneId, kind });
	}
	return { requests, problems };
};

export const wantsRedo = (requests: readonly RedoRequest[], sceneId: number, kind: AssetKind) => requests.some((r) => r.sceneId === sceneId && r.kind === kind);
