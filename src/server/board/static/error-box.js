import { html } from './html.js';
import { useT } from './i18n.js';

/** An API refusal, announced to screen readers: every problem by path, or its message when it has none. */
export const ErrorBox = ({ error, testId = 'error' }) => {
	const t = useT();
	if (!error) return null;
	return html`<div class="error" role="alert" data-testid=${testId}>
		<p><strong>${error.status === 400 ? t('refused') : t('error')}:</strong> ${error.problems?.length > 0 ? '' : error.message}</p>
		${
			error.problems?.length > 0 &&
			html`<ul class="problems" data-testid="problems">
				${error.problems.map((problem) => html`<li><code>${problem.path}</code> ${problem.message}</li>`)}
			</ul>`
		}
	</div>`;
};
