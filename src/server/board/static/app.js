import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { boardOptions, videos } from './api.js';
import { ErrorBox } from './error-box.js';
import { html } from './html.js';
import { initialLanguage, LanguageContext, LANGUAGES, rememberLanguage, translate } from './i18n.js';
import { JobBoard } from './job-board.js';
import { JobList } from './job-list.js';
import { useJobStream } from './job-stream.js';
import { NewVideoForm } from './new-video-form.js';
import { TokenForm } from './token-form.js';

/** How often the job list is fetched again; the selected job is live through its event stream. */
const LIST_REFRESH_MS = 3000;

const newer = (a, b) => (!a ? b : !b ? a : a.updatedAt >= b.updatedAt ? a : b);
const jobInHash = () => new URLSearchParams(location.hash.slice(1)).get('job');

const App = () => {
	const [language, setLanguage] = useState(initialLanguage);
	const [options, setOptions] = useState(null);
	const [jobs, setJobs] = useState([]);
	const [selectedId, setSelectedId] = useState(jobInHash);
	const [error, setError] = useState(null);
	const t = (key, values) => translate(language, key, values);

	useEffect(() => rememberLanguage(language), [language]);
	useEffect(() => {
		boardOptions().then(setOptions, setError);
	}, []);
	const refresh = useCallback(
		() =>
			videos.list().then(
				(list) => {
					setJobs(list);
					setError(null);
				},
				(failure) => setError(failure),
			),
		[],
	);
	useEffect(() => {
		refresh();
		const timer = setInterval(refresh, LIST_REFRESH_MS);
		return () => clearInterval(timer);
	}, [refresh]);

	// a job an action answered with, until the list or the stream has one as new
	const [answered, setAnswered] = useState(null);
	const live = useJobStream(selectedId);
	const known = (id) => [jobs.find((job) => job.id === id), live?.id === id ? live : null, answered?.id === id ? answered : null].reduce(newer, null);
	const shown = jobs.map((job) => known(job.id));
	if (answered && !jobs.some((job) => job.id === answered.id)) shown.unshift(answered);
	const selected = selectedId ? known(selectedId) : null;

	const select = (id) => {
		setSelectedId(id);
		history.replaceState(null, '', `#job=${encodeURIComponent(id)}`);
	};
	const created = (job) => {
		setAnswered(job);
		select(job.id);
		refresh();
	};

	return html`<${LanguageContext.Provider} value=${language}>
		<header class="top">
			<h1>${t('heading')}</h1>
			<button
				type="button"
				lang=${language === 'zh' ? 'en' : 'zh-CN'}
				title=${t('switchLanguageLabel')}
				onClick=${() => setLanguage(LANGUAGES.find((other) => other !== language))}
				data-testid="language"
			>
				${t('switchLanguage')}
			</button>
		</header>
		${
			error?.status === 401
				? html`<${TokenForm} onSignedIn=${() => location.reload()} />`
				: html`<${ErrorBox} error=${error} testId="board-error" />
						<div class="layout">
							<aside>
								${options && html`<${NewVideoForm} options=${options} onCreated=${created} />`}
								<${JobList} jobs=${shown} selectedId=${selectedId} onSelect=${select} />
							</aside>
							<main>
								${
									selected && options
										? html`<${JobBoard} key=${selected.id} job=${selected} options=${options} onJob=${setAnswered} />`
										: html`<p class="panel muted">${t('pickJob')}</p>`
								}
							</main>
						</div>`
		}
	</${LanguageContext.Provider}>`;
};

const root = document.getElementById('app');
// the loading line goes: Preact renders into an empty container
root.replaceChildren();
render(html`<${App} />`, root);
