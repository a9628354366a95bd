/** One edit of @remotion/web-renderer's source: a text found exactly once, what replaces it, and why. */
export type WebRendererPatch = { readonly why: string; readonly find: string; readonly replace: string };
