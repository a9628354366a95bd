import { html } from './html.js';
import { useT } from './i18n.js';
import { stateKind } from './jobs.js';

/** State, stage and rendered/total frames of a job, with a progress bar while it renders. */
export const JobProgress = ({ job }) => {
	const t = useT();
	const { stage, renderedFrames, totalFrames } = job.progress ?? {};
	const kind = stateKind(job.state);
	const frames = totalFrames > 0 ? t('frames', { rendered: renderedFrames ?? 0, total: totalFrames }) : null;
	return html`<span class="progress" data-testid="job-progress">
		<span class=${`state state-${kind}`} data-testid="job-state" data-state=${job.state}>${t(`state_${kind}`)}</span>
		${kind === 'running' && stage && html` · <span data-testid="job-stage">${t(`stage_${stage}`)}</span>`}
		${frames && html` · <span data-testid="job-frames">${frames}</span>`}
		${
			kind === 'running' &&
			html`<progress
				max=${totalFrames || 1}
				value=${totalFrames ? (renderedFrames ?? 0) : undefined}
				aria-label=${t('progressLabel', { id: job.id })}
			></progress>`
		}
	</span>`;
};
