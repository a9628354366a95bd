import { html } from './html.js';
import { useT } from './i18n.js';
import { formatUsd } from './jobs.js';

/** The dry run of POST /api/plans: per platform what this run would spend and what the whole video costs. */
export const EstimateTable = ({ plans }) => {
	const t = useT();
	return html`<table class="estimate-table" data-testid="estimate">
		<caption>
			${t('estimateHeading')}
		</caption>
		<thead>
			<tr>
				<th scope="col">${t('estimatePlatform')}</th>
				<th scope="col">${t('estimateTitle')}</th>
				<th scope="col">${t('estimateScenes')}</th>
				<th scope="col">${t('estimateRun')}</th>
				<th scope="col">${t('estimateVideo')}</th>
			</tr>
		</thead>
		<tbody>
			${plans.map(
				(plan) =>
					html`<tr key=${plan.platform} data-testid=${`estimate-${plan.platform}`}>
						<th scope="row">${plan.platform}</th>
						<td>${plan.title}</td>
						<td>${plan.scenes}</td>
						<td data-testid="run-cost">${formatUsd(plan.runCostUsd)}</td>
						<td>
							${formatUsd(plan.videoCostUsd)} ${plan.unpriced.length > 0 && html`<br /><small>${t('unpriced', { names: plan.unpriced.join(', ') })}</small>`}
						</td>
					</tr>`,
			)}
		</tbody>
	</table>`;
};
