import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { own } from './owned-resources';

/** A temp folder's name says who made it: `reelsmith-<kind>-<pid>-XXXXXX`, so a sweep can find a dead run's. */
export const OWNED_TEMP_DIR = /^reelsmith-[a-z]+-(\d+)-[A-Za-z0-9]{6}$/;

export type OwnedTempDir = { readonly path: string; readonly remove: () => Promise<void> };

/** A fresh temp folder that is removed by `remove()`, or on a signal or crash if the owner never got there. */
export const makeOwnedTempDir = (kind: string): OwnedTempDir => {
	const dir = mkdtempSync(path.join(os.tmpdir(), `reelsmith-${kind}-${process.pid}-`));
	const removeNow = () => rmSync(dir, { recursive: true, force: true });
	const disown = own({ kind: 'temp folder', release: () => rm(dir, { recursive: true, force: true }), releaseNow: removeNow });
	return {
		path: dir,
		remove: async () => {
			await rm(dir, { recursive: true, force: true });
			disown();
		},
	};
};
