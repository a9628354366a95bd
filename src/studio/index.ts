import { registerRoot } from 'remotion';
import { StudioRoot } from './StudioRoot';

registerRoot(StudioRoot);
