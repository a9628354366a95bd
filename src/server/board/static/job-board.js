import { useEffect, useState } from 'preact/hooks';
import { videos } from './api.js';
import { ErrorBox } from './error-box.js';
import { html } from './html.js';
import { useT } from './i18n.js';
import { JobProgress } from './job-progress.js';
import { isBusy, jobName, stateKind } from './jobs.js';
import { SceneCard } from './scene-card.js';
import { VideoResults } from './video-results.js';

/** One job: its progress, a card per scene, the render button and the videos. Give it `key={job.id}`. */
export const JobBoard = ({ job, options, onJob }) => {
	const t = useT();
	const busy = isBusy(job.state);
	// the job as it last settled: scenes and videos are fetched again when it settles anew
	const [settledAt, setSettledAt] = useState(job.updatedAt);
	const [scenes, setScenes] = useState(null);
	const [error, setError] = useState(null);
	useEffect(() => {
		if (!busy) setSettledAt(job.updatedAt);
	}, [busy, job.updatedAt]);
	useEffect(() => {
		let current = true;
		videos.scenes(job.id).then(
			(list) => current && setScenes(list),
			(failure) => current && setError(failure),
		);
		return () => {
			current = false;
		};
	}, [job.id, settledAt]);

	const act = async (action) => {
		setError(null);
		try {
			onJob(await action());
		} catch (failure) {
			setError(failure);
		}
	};

	return html`<section class="panel board" aria-labelledby="job-heading" data-testid="job-board" data-job=${job.id} data-updated=${job.updatedAt}>
		<header class="board-head">
			<h2 id="job-heading">${t('jobHeading', { id: job.id })} ${jobName(job) && html`<small>${jobName(job)}</small>`}</h2>
			<${JobProgress} job=${job} />
			${busy && html`<button type="button" onClick=${() => act(() => videos.cancel(job.id))} data-testid="cancel">${t('cancel')}</button>`}
		</header>
		${job.progress?.message && html`<p class="muted" data-testid="job-message">${job.progress.message}</p>`}
		${job.error && html`<${ErrorBox} error=${{ message: job.error.message, problems: job.error.problems }} testId="job-error" />`}
		<${ErrorBox} error=${error} />

		<h3>${t('scenes')}</h3>
		${busy && html`<p class="muted">${t('busyHint', { state: t(`state_${stateKind(job.state)}`) })}</p>`}
		${
			scenes === null
				? html`<p class="muted">${t('loadingScenes')}</p>`
				: scenes.length === 0
					? html`<p class="muted">${t('noScenes')}</p>`
					: html`<div class="scenes" data-testid="scenes">
							${scenes.map(
								(scene) =>
									html`<${SceneCard}
										key=${scene.sceneId}
										jobId=${job.id}
										scene=${scene}
										options=${options}
										busy=${busy}
										onScenes=${setScenes}
										onJob=${onJob}
									/>`,
							)}
						</div>`
		}

		<div class="row render">
			<button type="button" class="primary" disabled=${busy || !scenes?.length} onClick=${() => act(() => videos.render(job.id))} data-testid="render">
				${t('render')}
			</button>
			<span class="muted">${t('renderHint')}</span>
		</div>

		<${VideoResults} job=${job} version=${settledAt} />
	</section>`;
};
