import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { FakeReply, RecordedRequest } from './fake-server';
import { quadrantImage } from './quadrant-image';

/**
 * OpenAI's image endpoints as the API reference describes them (platform.openai.com/docs/api-reference/images:
 * "Create image", POST /v1/images/generations, JSON; "Create image edit", POST /v1/images/edits,
 * multipart/form-data). For the GPT image models an edit takes `image[]`: up to 16 PNG, WebP or JPEG files, a
 * `prompt`, and the same `size`, `quality`, `n` and `output_format` as a generation; both answer `data[].b64_json`
 * (GPT image models always return base64 and reject `response_format`). A bad request is a 400 with
 * `{ error: { message, type: 'invalid_request_error', param, code } }`.
 */
export const GPT_IMAGE_MODELS = ['gpt-image-1', 'gpt-image-1.5', 'gpt-image-1-mini'];
const SIZES = ['1024x1024', '1536x1024', '1024x1536', 'auto'];
export const MAX_EDIT_IMAGES = 16;

const invalid = (message: string, param: string | null, code: string | null = null): FakeReply => ({
	status: 400,
	body: { error: { message, type: 'invalid_request_error', param, code } },
});

/** What a file's bytes are, by signature: the service sniffs the content, not only the declared type. */
export const sniffImage = (bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' | null => {
	const b = Buffer.from(bytes);
	if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
	if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
	if (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
	return null;
};

let drawn = 0;

/** The test picture, with a corner mark that changes from answer to answer: like the real models, no two calls draw the same. */
const answer = async (size: string): Promise<FakeReply> => {
	const [width, height] = (size === 'auto' ? '1024x1024' : size).split('x').map(Number) as [number, number];
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.drawImage(await loadImage(await quadrantImage(width, height)), 0, 0);
	drawn++;
	ctx.fillStyle = `rgb(${(drawn * 37) % 256},${(drawn * 91) % 256},${(drawn * 53) % 256})`;
	ctx.fillRect(width / 2 - 40, height / 2 - 40, 80, 80);
	const jpeg = await canvas.encode('jpeg', 95);
	return { body: { created: 1_700_000_000, data: [{ b64_json: jpeg.toString('base64') }] } };
};

const checkCommon = (fields: { model: unknown; prompt: unknown; size: unknown; response_format: unknown }): FakeReply | null => {
	if (typeof fields.prompt !== 'string' || fields.prompt.length === 0)
		return invalid("Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter');
	if (!GPT_IMAGE_MODELS.includes(String(fields.model))) return invalid(`Invalid value for 'model': ${String(fields.model)}.`, 'model', 'invalid_value');
	if (fields.size !== undefined && fields.size !== null && !SIZES.includes(String(fields.size))) {
		return invalid(`Invalid value: '${String(fields.size)}'. Supported values are: ${SIZES.map((s) => `'${s}'`).join(', ')}.`, 'size', 'invalid_value');
	}
	if (fields.response_format !== undefined && fields.response_format !== null)
		return invalid("Unknown parameter: 'response_format'.", 'response_format', 'unknown_parameter');
	return null;
};

export const fakeGenerate = async (request: RecordedRequest): Promise<FakeReply> => {
	const body = (request.json ?? {}) as Record<string, unknown>;
	return checkCommon(body as never) ?? answer(String(body.size ?? 'auto'));
};

/** An edit's parts, read as the service reads multipart/form-data. */
export const editParts = async (request: RecordedRequest) => {
	const form = await new Request('http://fake/', {
		method: 'POST',
		headers: { 'content-type': String(request.headers['content-type']) },
		body: new Uint8Array(request.body),
	}).formData();
	const images = await Promise.all(
		form
			.getAll('image[]')
			.map(async (part) =>
				typeof part === 'string'
					? { type: 'text', bytes: new Uint8Array() }
					: { type: part.type, name: part.name, bytes: new Uint8Array(await part.arrayBuffer()) },
			),
	);
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : undefined;
	};
	return {
		form,
		images,
		model: text('model'),
		prompt: text('prompt'),
		size: text('size'),
		quality: text('quality'),
		n: text('n'),
		output_format: text('output_format'),
	};
};

export const fakeEdit = async (request: RecordedRequest): Promise<FakeReply> => {
	if (!String(request.headers['content-type']).startsWith('multipart/form-data')) {
		return invalid('The image edits endpoint takes multipart/form-data.', null);
	}
	const parts = await editParts(request);
	const common = checkCommon({ model: parts.model, prompt: parts.prompt, size: parts.size, response_format: parts.form.get('response_format') });
	if (common) return common;
	if (parts.form.getAll('image').length > 0 && parts.images.length === 0)
		return invalid("Invalid type for 'image': expected image[] for several images.", 'image');
	if (parts.images.length === 0) return invalid("Missing required parameter: 'image'.", 'image', 'missing_required_parameter');
	if (parts.images.length > MAX_EDIT_IMAGES) return invalid(`Too many images: at most ${MAX_EDIT_IMAGES} may be given.`, 'image', 'invalid_value');
	for (const image of parts.images) {
		const sniffed = sniffImage(image.bytes);
		if (!sniffed || sniffed !== image.type) {
			return invalid(
				`Invalid file 'image': unsupported mimetype ('${sniffed ?? image.type}'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.`,
				'image',
				'invalid_image_file',
			);
		}
	}
	return answer(parts.size ?? 'auto');
};
