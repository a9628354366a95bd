// The Studio's list of made videos: a JSON file the launcher writes, aliased by studio-webpack.ts.
declare module 'reelsmith-studio-catalogue' {
	const catalogue: import('./studio-catalogue').StudioCatalogue;
	export default catalogue;
}
