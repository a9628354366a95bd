import { z } from 'zod';
import type { Route } from './routes';

const PARAMETER = /\{(\w+)\}/g;

const errorSchema = {
	type: 'object',
	properties: {
		error: { type: 'string' },
		problems: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
	},
	required: ['error', 'problems'],
};

/** The OpenAPI 3.1 document of the routes, made from the same table the server routes by. */
export const openApiDocument = (routes: readonly Route[]) => {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const route of routes) {
		const parameters = [...route.path.matchAll(PARAMETER)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
		const responses: Record<string, unknown> = {};
		for (const [status, description] of Object.entries(route.responses)) responses[status] = { description };
		for (const [status, description] of [
			['400', 'invalid input: every problem by path'],
			['401', 'a token is set and the request has not sent it'],
			['404', 'no such job, scene or file'],
		] as const) {
			responses[status] ??= { description, content: { 'application/json': { schema: errorSchema } } };
		}
		(paths[route.path] ??= {})[route.method.toLowerCase()] = {
			summary: route.summary,
			...(parameters.length > 0 ? { parameters } : {}),
			...(route.request
				? {
						requestBody: {
							required: true,
							content: { 'application/json': { schema: z.toJSONSchema(route.request, { io: 'input', unrepresentable: 'any' }) } },
						},
					}
				: {}),
			responses,
		};
	}
	return {
		openapi: '3.1.0',
		info: { title: 'reelsmith', version: '1', description: 'Scripts, topics and articles to publish-ready short videos: jobs, scenes, renders and packages.' },
		components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'REELSMITH_API_TOKEN, when the server has one' } } },
		security: [{ bearer: [] }, {}],
		paths,
	};
};
