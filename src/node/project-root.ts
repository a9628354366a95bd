import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder (public/, src/, node_modules/), found from this file, without loading any bundler. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
