export const UPLOAD_PREFIX = '__reelsmith/upload/';

/** An upload the server waits for: where it goes, how big it may be, and how to settle its promise. */
export type ExpectedUpload = {
	readonly file: string;
	readonly maxBytes: number;
	readonly resolve: () => void;
	readonly reject: (error: Error) => void;
};

export type UploadRegistry = ReturnType<typeof createUploadRegistry>;

const checkedByteCap = (maxBytes: number): number => {
	if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new Error(`an upload cap must be a positive whole number of bytes, got ${maxBytes}`);
	return maxBytes;
};

/** The one-time upload paths (`/<token>/__reelsmith/upload/<n>`) of one server; each can be taken once. */
export const createUploadRegistry = (token: string, defaultMaxBytes: number) => {
	checkedByteCap(defaultMaxBytes);
	const pending = new Map<string, ExpectedUpload>();
	let count = 0;
	return {
		/** A path the page POSTs `file` to (at most `maxBytes`); `received` resolves when it is on disk. */
		expect: (file: string, maxBytes = defaultMaxBytes): { path: string; received: Promise<void> } => {
			const cap = checkedByteCap(maxBytes);
			const relative = `${UPLOAD_PREFIX}${++count}`;
			const received = new Promise<void>((resolve, reject) => pending.set(relative, { file, maxBytes: cap, resolve, reject }));
			// a failed upload also fails the page's fetch, so a caller that is already unwinding need not await this
			received.catch(() => {});
			return { path: `/${token}/${relative}`, received };
		},
		/** The upload waiting at `relativePath`, which is no longer waiting afterwards. */
		take: (relativePath: string): ExpectedUpload | undefined => {
			const upload = pending.get(relativePath);
			pending.delete(relativePath);
			return upload;
		},
		/** Fails every upload still waiting (the server is closing). */
		abandonAll: (): void => {
			for (const upload of pending.values()) upload.reject(new Error(`the render page server closed before the upload to ${upload.file} arrived`));
			pending.clear();
		},
	};
};
