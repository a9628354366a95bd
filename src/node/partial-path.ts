import path from 'node:path';

/**
 * Where a file is written before it is renamed into place: beside it (so the rename is atomic), hidden, and
 * named with this process's id, so a later run can tell a dead run's leftovers from a live run's work.
 * `.video.mp4.4242.partial.mp4`, `.video.mp4.4242.partial-picture.mp4`.
 */
export const partialPathFor = (file: string, tag = ''): string => {
	const base = path.basename(file);
	return path.join(path.dirname(file), `.${base}.${process.pid}.partial${tag ? `-${tag}` : ''}${path.extname(base)}`);
};

/** Matches a partial file's name and captures the pid of the process that wrote it. */
export const PARTIAL_NAME = /^\..+\.(\d+)\.partial/;
