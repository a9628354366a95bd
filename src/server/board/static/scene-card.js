import { useEffect, useState } from 'preact/hooks';
import { videos } from './api.js';
import { ErrorBox } from './error-box.js';
import { html } from './html.js';
import { useT } from './i18n.js';

const FIELDS = ['narration', 'text_overlay', 'motion', 'transition', 'visual_description'];
const fieldsOf = (scene) => Object.fromEntries(FIELDS.map((field) => [field, scene[field] ?? '']));

/** One scene: its image and voice, its words and moves to edit and save, and new takes of its voice or image. */
export const SceneCard = ({ jobId, scene, options, busy, onScenes, onJob }) => {
	const t = useT();
	const [draft, setDraft] = useState(() => fieldsOf(scene));
	const [state, setState] = useState({ saving: false, note: null, error: null });
	const saved = fieldsOf(scene);
	useEffect(() => setDraft(fieldsOf(scene)), [JSON.stringify(saved)]);
	// a field left empty where the script has none (motion) is no change
	const changed = FIELDS.filter((field) => draft[field] !== saved[field] && !(field === 'motion' && draft[field] === ''));
	// "saved" lasts until the job runs again, "a new take is being made" until it has been
	useEffect(() => setState((now) => ((busy ? now.note === 'saved' : now.note === 'rerollQueued') ? { ...now, note: null } : now)), [busy]);
	const id = (field) => `job-${jobId}-scene-${scene.sceneId}-${field}`;
	const n = scene.sceneId;

	const save = async (event) => {
		event.preventDefault();
		setState({ saving: true, note: null, error: null });
		try {
			onScenes(await videos.editScene(jobId, n, Object.fromEntries(changed.map((field) => [field, draft[field]]))));
			setState({ saving: false, note: 'saved', error: null });
		} catch (error) {
			setState({ saving: false, note: null, error });
		}
	};
	const reroll = async (asset) => {
		setState({ saving: false, note: null, error: null });
		try {
			onJob(await videos.redo(jobId, n, asset));
			setState({ saving: false, note: 'rerollQueued', error: null });
		} catch (error) {
			setState({ saving: false, note: null, error });
		}
	};
	const edit = (field) => (event) => setDraft((now) => ({ ...now, [field]: event.currentTarget.value }));

	return html`<article class="scene" aria-labelledby=${id('heading')} data-testid=${`scene-${n}`}>
		<h3 id=${id('heading')}>${t('scene', { n })}</h3>
		<div class="scene-media">
			${
				scene.image && /\.(mp4|webm)$/.test(scene.image)
					? html`<video
							src=${videos.asset(jobId, scene.image)}
							aria-label=${t('imageAlt', { n, description: scene.visual_description })}
							controls
							muted
							preload="metadata"
							data-testid="image"
							data-asset=${scene.image}
						></video>`
					: scene.image
						? html`<img
								src=${videos.asset(jobId, scene.image)}
								alt=${t('imageAlt', { n, description: scene.visual_description })}
								loading="lazy"
								data-testid="image"
								data-asset=${scene.image}
							/>`
						: html`<p class="placeholder">${t('noImage')}</p>`
			}
			<div class="voice">
				<span id=${id('voice-label')}>${t('voice')}</span>
				${
					scene.voice
						? html`<audio
								controls
								preload="none"
								src=${videos.asset(jobId, scene.voice)}
								aria-labelledby=${id('voice-label')}
								data-testid="voice"
								data-asset=${scene.voice}
							></audio>`
						: html`<span class="muted">${t('noVoice')}</span>`
				}
			</div>
			<div class="row">
				<button type="button" disabled=${busy} onClick=${() => reroll('voice')} data-testid="reroll-voice">${t('rerollVoice')}</button>
				<button type="button" disabled=${busy} onClick=${() => reroll('image')} data-testid="reroll-image">${t('rerollImage')}</button>
			</div>
		</div>
		<form class="scene-fields" onSubmit=${save}>
			<label for=${id('narration')}>${t('narration')}</label>
			<textarea id=${id('narration')} rows="4" value=${draft.narration} onInput=${edit('narration')} data-testid="narration"></textarea>
			<label for=${id('overlay')}>${t('overlay')}</label>
			<input id=${id('overlay')} type="text" value=${draft.text_overlay} onInput=${edit('text_overlay')} data-testid="overlay" />
			<div class="row">
				<label>
					${t('motion')}
					<select value=${draft.motion} onChange=${edit('motion')} data-testid="motion">
						${draft.motion === '' && html`<option value="">${t('noMotion')}</option>`}
						${options.motions.map((motion) => html`<option value=${motion}>${motion}</option>`)}
					</select>
				</label>
				<label>
					${t('transition')}
					<select value=${draft.transition} onChange=${edit('transition')} data-testid="transition">
						${options.transitions.map((transition) => html`<option value=${transition}>${transition}</option>`)}
					</select>
				</label>
			</div>
			<label for=${id('visual')}>${t('visual')}</label>
			<textarea id=${id('visual')} rows="2" value=${draft.visual_description} onInput=${edit('visual_description')} data-testid="visual"></textarea>
			<div class="row">
				<button type="submit" disabled=${busy || state.saving || changed.length === 0} data-testid="save">${state.saving ? t('saving') : t('save')}</button>
				<span class="note" role="status" data-testid="scene-note">${state.note && t(state.note)}</span>
			</div>
			<${ErrorBox} error=${state.error} testId="scene-error" />
		</form>
	</article>`;
};
