import { html } from './html.js';
import { useT } from './i18n.js';
import { JobProgress } from './job-progress.js';
import { jobName } from './jobs.js';

/** Every job, newest first; a button per job selects it. */
export const JobList = ({ jobs, selectedId, onSelect }) => {
	const t = useT();
	return html`<section class="panel" aria-labelledby="jobs-heading">
		<h2 id="jobs-heading">${t('jobs')}</h2>
		${
			jobs.length === 0
				? html`<p class="muted">${t('noJobs')}</p>`
				: html`<ul class="jobs" data-testid="job-list">
						${jobs.map(
							(job) =>
								html`<li key=${job.id}>
									<button type="button" class="job" aria-pressed=${job.id === selectedId} data-testid=${`job-${job.id}`} onClick=${() => onSelect(job.id)}>
										<span class="job-name">#${job.id} · ${jobName(job) ?? t(`jobInput_${job.input.kind}`)}</span>
										<${JobProgress} job=${job} />
									</button>
								</li>`,
						)}
					</ul>`
		}
	</section>`;
};
