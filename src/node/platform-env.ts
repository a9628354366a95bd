/**
 * A variable of `env` as the platform reads it: on Windows names are case-insensitive (`Path`, `PATH`), which
 * process.env honours but a copied or injected object does not.
 */
export const envVar = (env: NodeJS.ProcessEnv, name: string, platform: NodeJS.Platform): string | undefined => {
	if (platform !== 'win32' || env[name] !== undefined) return env[name];
	const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
	return key === undefined ? undefined : env[key];
};
