/** Queued or running: the job cannot be edited, re-rolled or rendered until it settles. */
export const isBusy = (state) => state === 'queued' || state.startsWith('running:');

/** `running:render` → `running`; the others are themselves. */
export const stateKind = (state) => (state.startsWith('running:') ? 'running' : state);

/** A job's name in lists: its video's folder once known, else its input. */
export const jobName = (job) => job.slug ?? (job.input.kind === 'topic' ? job.input.topic : null);

export const formatUsd = (usd) =>
	new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(usd);
