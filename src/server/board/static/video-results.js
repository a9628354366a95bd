import { html } from './html.js';
import { useT } from './i18n.js';

const OTHER_FILES = ['cover.jpg', 'captions.srt', 'captions.vtt', 'metadata.json'];

/** A player per platform of the job's package, with its other files; `version` makes a new render load anew. */
export const VideoResults = ({ job, version }) => {
	const t = useT();
	const fresh = (url) => `${url}?v=${encodeURIComponent(version)}`;
	return html`<section aria-labelledby="results-heading">
		<h3 id="results-heading">${t('results')}</h3>
		${
			job.outputs.length === 0
				? html`<p class="muted">${t('noResults')}</p>`
				: html`<div class="results">
						${job.outputs.map(
							(output) =>
								html`<figure key=${output.platform} data-testid=${`result-${output.platform}`}>
									<video
										controls
										preload="metadata"
										src=${fresh(output.files['video.mp4'])}
										poster=${fresh(output.files['cover.jpg'])}
										aria-label=${t('videoOf', { platform: output.platform })}
										data-testid=${`video-${output.platform}`}
									></video>
									<figcaption>
										<strong>${output.platform}</strong> · ${t('files')}:
										${[...OTHER_FILES, 'video.mp4'].map((name) => html` <a href=${fresh(output.files[name])} download>${name}</a>`)}
									</figcaption>
								</figure>`,
						)}
					</div>`
		}
	</section>`;
};
