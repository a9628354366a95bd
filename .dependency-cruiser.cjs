/**
 * The layers of src/ and the only arrows allowed between them: each layer imports itself and the layers listed
 * after it, never one above. `npm run lint` enforces it (docs/architecture.md draws the same picture).
 *
 *   server      → pipeline and everything below but lambda (npm run serve: jobs, REST)
 *   lambda      → pipeline and everything below     (batch renders on AWS)
 *   pipeline    → publish, providers, cache, cost, output, web-render, studio, compositions, props, timeline, schema, node, config
 *   publish     → providers, output, compositions (ids), timeline, schema, node
 *   providers   → cache, props, timeline, schema, node, config
 *   web-render  → compositions, components, props, timeline, schema
 *   studio      → compositions, components, props, timeline, schema   (the Studio's root, run by Remotion Studio)
 *   compositions → components, props, timeline, schema
 *   components  → props, timeline, schema
 *   output      → timeline, schema, node
 *   props       → timeline, schema
 *   cache       → schema, node
 *   cost        → schema
 *   timeline    → schema
 *   node        → schema
 *   schema, config → nothing of ours
 */
const LAYERS = {
	server: ['pipeline', 'publish', 'providers', 'cache', 'cost', 'output', 'web-render', 'studio', 'compositions', 'components', 'props', 'timeline', 'schema', 'node', 'config'],
	lambda: ['pipeline', 'publish', 'providers', 'cache', 'cost', 'output', 'web-render', 'studio', 'compositions', 'components', 'props', 'timeline', 'schema', 'node', 'config'],
	pipeline: ['publish', 'providers', 'cache', 'cost', 'output', 'web-render', 'studio', 'compositions', 'components', 'props', 'timeline', 'schema', 'node', 'config'],
	bench: ['pipeline', 'publish', 'providers', 'cache', 'cost', 'output', 'props', 'timeline', 'schema', 'node', 'config'],
	publish: ['providers', 'output', 'compositions', 'timeline', 'schema', 'node'],
	providers: ['cache', 'props', 'timeline', 'schema', 'node', 'config'],
	'web-render': ['compositions', 'components', 'props', 'timeline', 'schema'],
	studio: ['compositions', 'components', 'props', 'timeline', 'schema'],
	compositions: ['components', 'props', 'timeline', 'schema'],
	components: ['props', 'timeline', 'schema'],
	output: ['timeline', 'schema', 'node'],
	props: ['timeline', 'schema'],
	cache: ['schema', 'node'],
	cost: ['schema'],
	timeline: ['schema'],
	node: ['schema'],
	schema: [],
	config: [],
};

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		...Object.entries(LAYERS).map(([layer, below]) => ({
			name: `${layer}-imports-downward-only`,
			severity: 'error',
			comment: `src/${layer} may import only ${below.length > 0 ? below.join(', ') : 'itself'} of src/`,
			from: { path: `^src/${layer}/` },
			to: { path: '^src/', pathNot: [`^src/(${[layer, ...below].join('|')})/`] },
		})),
		{
			name: 'every-folder-has-a-layer',
			severity: 'error',
			comment: 'a new folder under src/ needs its place in LAYERS',
			from: { path: '^src/[^/]+/', pathNot: [`^src/(${Object.keys(LAYERS).join('|')})/`] },
			to: {},
		},
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'modules that import each other cannot be understood, or tested, one at a time',
			from: {},
			to: { circular: true, dependencyTypesNot: ['type-only'] },
		},
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		exclude: { path: '^src/.*\\.d\\.ts$' },
	},
};
