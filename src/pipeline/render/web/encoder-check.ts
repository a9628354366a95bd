import type { EncoderCheckRequest } from '../../../web-render/web-render-protocol';
import type { RenderPage } from './render-page';

/** The browser's encoder refused the output: said before any frame is drawn, with what to do instead. */
export class EncoderMissingError extends Error {
	constructor(problems: readonly string[]) {
		super(
			`the browser cannot encode this video (${problems.join('; ')}): use Debian's chromium-headless-shell (its build has an H.264 encoder) ` +
				'or point REMOTION_BROWSER_EXECUTABLE at a Chrome or Chromium that has one, or render with --renderer screenshot',
		);
		this.name = 'EncoderMissingError';
	}
}

/** Asks the page whether its encoder takes the output's size and rate (canRenderMediaOnWeb and mediabunny). */
export const checkEncoder = async (page: RenderPage, request: EncoderCheckRequest) => {
	const verdict = await page.call('checkEncoder', request);
	if (!verdict.canRender) throw new EncoderMissingError(verdict.problems);
};
