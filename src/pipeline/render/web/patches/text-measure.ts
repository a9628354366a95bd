import type { WebRendererPatch } from './web-renderer-patch';

/**
 * Text is measured with fewer layouts: a one-word text by its span, blank words not at all unless decorated, and
 * the text node replaced only when a text-transform changes it.
 */
export const TEXT_MEASURE_PATCHES: readonly WebRendererPatch[] = [
	{
		why: 'a text of one word is where its span is: measured without rebuilding the span around it (a layout each)',
		find: `var findWords = (span) => {
  const originalText = span.textContent;
  const segments = Array.from(wordSegmenter.segment(originalText));
  const tokens = [];
  for (const { index, segment } of segments) {`,
		replace: `var findWords = (span, skipBlankWords = false) => {
  const originalText = span.textContent;
  const segments = Array.from(wordSegmenter.segment(originalText));
  const tokens = [];
  if (segments.length === 1) {
    return [{ text: segments[0].segment, rect: span.getBoundingClientRect() }];
  }
  for (const { index, segment } of segments) {
    if (skipBlankWords && /^[ \\t\\n\\r\\f\\u00a0\\u3000]+$/.test(segment)) {
      continue;
    }`,
	},
	{
		why: 'blank words (spaces) draw nothing unless the text is decorated: they are not measured',
		find: `    const tokens = findWords(span);`,
		replace: `    const tokens = findWords(span, textDecorations.length === 0);`,
	},
	{
		why: 'text without a text-transform keeps its text node: replacing it with the same text made the next measurement lay out again',
		find: `    span.textContent = transformedText;`,
		replace: `    if (transformedText !== originalText) {
      span.textContent = transformedText;
    }`,
	},
	{
		why: 'and puts it back only when it was replaced',
		find: `    span.textContent = originalText;
    finishFilter();`,
		replace: `    if (transformedText !== originalText) {
      span.textContent = originalText;
    }
    finishFilter();`,
	},
];
