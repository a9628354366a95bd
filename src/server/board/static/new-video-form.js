import { useEffect, useRef, useState } from 'preact/hooks';
import { videos } from './api.js';
import { ErrorBox } from './error-box.js';
import { html } from './html.js';
import { useT } from './i18n.js';
import { EstimateTable } from './estimate-table.js';

const SOURCES = ['topic', 'article', 'script'];
const PROVIDER_STAGES = ['llm', 'tts', 'images'];
/** How long the form rests before its cost is estimated again. */
const ESTIMATE_DELAY_MS = 400;

/** The body of POST /api/videos (and /api/plans) from the form; null until its source is given. */
const requestOf = ({ source, topic, article, script, platforms, providers, draft }) => {
	const input = source === 'topic' ? topic.trim() : source === 'article' ? article.trim() : script?.value;
	if (!input) return null;
	const options = { draft };
	if (platforms.length > 0) options.platforms = platforms;
	for (const stage of PROVIDER_STAGES) if (providers[stage]) options[stage] = providers[stage];
	return { [source]: input, options };
};

/** Start a video from a topic, an article or a script file, with its dry-run cost shown first. */
export const NewVideoForm = ({ options, onCreated }) => {
	const t = useT();
	const [form, setForm] = useState({ source: 'script', topic: '', article: '', script: null, platforms: [], providers: {}, draft: false });
	const [scriptNote, setScriptNote] = useState(null);
	const [estimate, setEstimate] = useState({ plans: null, error: null, busy: false });
	const [starting, setStarting] = useState(false);
	const [error, setError] = useState(null);
	const asked = useRef(0);
	const request = requestOf(form);
	const requestKey = JSON.stringify(request);
	const change = (fields) => setForm((now) => ({ ...now, ...fields }));

	const runEstimate = async () => {
		if (!request) return;
		const ask = ++asked.current;
		setEstimate((now) => ({ ...now, busy: true }));
		try {
			const plans = await videos.plan(request);
			if (ask === asked.current) setEstimate({ plans, error: null, busy: false });
		} catch (failure) {
			if (ask === asked.current) setEstimate({ plans: null, error: failure, busy: false });
		}
	};
	// the cost follows the form: estimated again once it rests (and a refusal of the form before is gone)
	useEffect(() => {
		asked.current++;
		setEstimate({ plans: null, error: null, busy: false });
		setError(null);
		if (!request) return undefined;
		const timer = setTimeout(runEstimate, ESTIMATE_DELAY_MS);
		return () => clearTimeout(timer);
	}, [requestKey]);

	const readScript = async (event) => {
		const file = event.currentTarget.files?.[0];
		if (!file) return change({ script: null });
		try {
			const value = JSON.parse(await file.text());
			change({ script: { name: file.name, value } });
			setScriptNote(t('scriptLoaded', { name: file.name, scenes: Array.isArray(value?.scenes) ? value.scenes.length : '?' }));
		} catch (failure) {
			change({ script: null });
			setScriptNote(t('scriptNotJson', { name: file.name, message: failure.message }));
		}
	};
	const togglePlatform = (platform, on) => change({ platforms: options.platforms.filter((p) => (p === platform ? on : form.platforms.includes(p))) });

	const submit = async (event) => {
		event.preventDefault();
		if (!request) return;
		setStarting(true);
		setError(null);
		try {
			onCreated(await videos.create(request));
		} catch (failure) {
			setError(failure);
		} finally {
			setStarting(false);
		}
	};

	return html`<section class="panel" aria-labelledby="new-video-heading">
		<h2 id="new-video-heading">${t('newVideo')}</h2>
		<form onSubmit=${submit} data-testid="new-video-form">
			<fieldset class="choices">
				<legend>${t('source')}</legend>
				${SOURCES.map(
					(source) =>
						html`<label key=${source}>
							<input
								type="radio"
								name="source"
								value=${source}
								checked=${form.source === source}
								onChange=${() => change({ source })}
								data-testid=${`source-${source}`}
							/>
							${t(`source${source[0].toUpperCase()}${source.slice(1)}`)}
						</label>`,
				)}
			</fieldset>
			${
				form.source === 'topic' &&
				html`<label class="field">
					${t('topic')}
					<input type="text" value=${form.topic} maxlength="500" onInput=${(e) => change({ topic: e.currentTarget.value })} data-testid="topic" />
				</label>`
			}
			${
				form.source === 'article' &&
				html`<label class="field">
					${t('article')}
					<textarea rows="8" value=${form.article} onInput=${(e) => change({ article: e.currentTarget.value })} data-testid="article"></textarea>
				</label>`
			}
			${
				form.source === 'script' &&
				html`<label class="field">
					${t('scriptFile')}
					<input type="file" accept=".json,application/json" onChange=${readScript} data-testid="script-file" />
				</label>`
			}
			${form.source === 'script' && scriptNote && html`<p class="note" role="status" data-testid="script-note">${scriptNote}</p>`}

			<fieldset class="choices">
				<legend>${t('platforms')}</legend>
				${options.platforms.map(
					(platform) =>
						html`<label key=${platform}>
							<input
								type="checkbox"
								checked=${form.platforms.includes(platform)}
								onChange=${(e) => togglePlatform(platform, e.currentTarget.checked)}
								data-testid=${`platform-${platform}`}
							/>
							${platform}
						</label>`,
				)}
				<p class="muted">${t('platformsHint')}</p>
			</fieldset>

			<fieldset class="providers">
				<legend>${t('providers')}</legend>
				${PROVIDER_STAGES.map(
					(stage) =>
						html`<label key=${stage} class="field">
							${t(`provider_${stage}`)}
							<select
								value=${form.providers[stage] ?? ''}
								onChange=${(e) => change({ providers: { ...form.providers, [stage]: e.currentTarget.value } })}
								data-testid=${`provider-${stage}`}
							>
								<option value="">${t('serverDefault')}</option>
								${options.providers[stage].map((name) => html`<option value=${name}>${name}</option>`)}
							</select>
						</label>`,
				)}
			</fieldset>

			<label class="check">
				<input type="checkbox" checked=${form.draft} onChange=${(e) => change({ draft: e.currentTarget.checked })} data-testid="draft" />
				${t('draft')}
			</label>

			<div class="estimate" aria-live="polite">
				<button type="button" onClick=${runEstimate} disabled=${!request || estimate.busy} data-testid="estimate-button">
					${estimate.busy ? t('estimating') : t('estimate')}
				</button>
				${estimate.plans && html`<${EstimateTable} plans=${estimate.plans} />`}
				<${ErrorBox} error=${estimate.error} testId="estimate-error" />
			</div>

			<button type="submit" class="primary" disabled=${!request || starting} data-testid="start">${starting ? t('starting') : t('start')}</button>
			<${ErrorBox} error=${error} testId="start-error" />
		</form>
	</section>`;
};
