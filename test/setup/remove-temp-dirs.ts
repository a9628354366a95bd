import { afterAll } from 'vitest';
import { removeTempDirs } from '../helpers/temp-dir';

// registered before the test file's own hooks, so it runs after them (hooks are stacked): servers close first
afterAll(removeTempDirs);
