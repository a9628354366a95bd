import { h } from 'preact';
import htm from 'htm';

/** JSX-like tagged templates for Preact, with no build step. */
export const html = htm.bind(h);
