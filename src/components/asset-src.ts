import { staticFile } from 'remotion';

/** Props carry public-folder paths for local renders and URLs for Lambda. */
export const assetUrl = (src: string): string => (/^https?:\/\//.test(src) ? src : staticFile(src));
