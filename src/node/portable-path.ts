import path from 'node:path';

/**
 * A relative path as written into JSON files (summary.json, manifest.json) and hashed into keys: forward slashes
 * on every system, so the same inputs give the same files on Windows as elsewhere, and either system can read them.
 */
export const portableRelative = (from: string, to: string): string => path.relative(from, to).split(path.sep).join('/');
