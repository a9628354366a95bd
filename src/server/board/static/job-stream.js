import { useEffect, useState } from 'preact/hooks';
import { videos } from './api.js';

/** The job `id` as its Server-Sent Events stream tells it (every stage and frame count); null until the first event. */
export const useJobStream = (id) => {
	const [job, setJob] = useState(null);
	useEffect(() => {
		if (!id) return undefined;
		const source = new EventSource(videos.events(id));
		source.addEventListener('job', (event) => setJob(JSON.parse(event.data)));
		return () => source.close();
	}, [id]);
	return job?.id === id ? job : null;
};
