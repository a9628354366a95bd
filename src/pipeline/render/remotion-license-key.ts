/** `REMOTION_LICENSE_KEY`, passed to Remotion's web and Lambda renderers; null when unset. */
export const remotionLicenseKey = (env: NodeJS.ProcessEnv = process.env): string | null => env.REMOTION_LICENSE_KEY?.trim() || null;
