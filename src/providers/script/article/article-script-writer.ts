import { problemsFromZod } from '../../../schema/problems';
import type { TransitionName } from '../../../schema/transitions';
import { videoScriptSchema, type VideoScriptInput } from '../../../schema/video-script';
import { detectLanguage } from '../../../timeline/language';
import type { ScriptProvider, ScriptRequest, ScriptResult } from '../script-provider';
import { describeScene } from './describe-scene';
import { fitToDuration } from './fit-duration';
import { groupScenes, SCENE_PADDING_MS } from './group-scenes';
import { keyPhrase, keywordWeights } from './keywords';
import { readArticle } from './read-article';
import { splitSentences } from './sentences';

/** The first scene fades in from black; the rest vary, in a fixed order so the same article gives the same video. */
const TRANSITIONS: readonly TransitionName[] = ['fade', 'slide_left', 'dissolve', 'wipe_right', 'zoom_in', 'slide_right'];

/** Scripted scene length: its speech plus a breath, rounded to half seconds, within the seed's 5–12 s where possible. */
const sceneSeconds = (speechMs: number) => Math.min(120, Math.max(5, Math.ceil((speechMs + SCENE_PADDING_MS) / 500) * 0.5));

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * The offline script stage: an article becomes scenes by sentence segmentation and speaking-rate estimates,
 * with no model involved. A topic alone needs an LLM.
 */
export const createArticleScriptWriter = (): ScriptProvider => ({
	name: 'offline-article',
	model: 'segmenter-v2',
	offline: true,
	async write(request: ScriptRequest): Promise<ScriptResult> {
		if (request.source.kind !== 'article') {
			throw new Error('the offline script writer needs an article (--from FILE); writing from a topic needs an LLM');
		}
		const article = readArticle(request.source.text);
		const allText = article.paragraphs.join('\n');
		if (!/[\p{L}\p{N}]/u.test(allText)) throw new Error(`${request.source.name} has no text to narrate`);
		const locale = request.language ?? detectLanguage(allText);
		const chinese = locale.toLowerCase().startsWith('zh');
		const style = request.style ?? 'informative';
		const sentences = splitSentences(article.paragraphs, locale);
		const weights = keywordWeights(
			sentences.map((s) => s.text),
			locale,
		);
		const targetMs = request.durationSeconds === undefined ? null : request.durationSeconds * 1000;
		const fitted = fitToDuration(sentences, targetMs, locale, weights);
		const groups = groupScenes(fitted.kept);

		const scenes = groups.map((group, index) => {
			const texts = group.map((s) => s.text);
			const phrase = keyPhrase(texts.join(chinese ? '' : ' '), locale, weights);
			return {
				scene_id: index + 1,
				narration: texts.join(chinese ? '' : ' '),
				visual_description: describeScene(phrase, texts, style, locale),
				duration: sceneSeconds(group.reduce((sum, s) => sum + s.speechMs, 0)),
				text_overlay: phrase,
				transition: index === 0 ? 'fade_in' : TRANSITIONS[(index - 1) % TRANSITIONS.length]!,
			};
		});
		const total = scenes.reduce((sum, s) => sum + s.duration, 0);
		const title = article.title ?? keyPhrase(sentences[0]?.text ?? allText, locale, weights);
		const input: VideoScriptInput = {
			title: title || request.source.name,
			duration_target: request.durationSeconds ?? total,
			style,
			scenes,
			target_platform: request.platform,
			language: locale,
		};

		const notes: string[] = [];
		if (fitted.droppedCount > 0) {
			notes.push(
				`the article would narrate for about ${seconds(fitted.fullMs)} s; kept the ${fitted.kept.length} most central of ` +
					`${sentences.length} sentences, in their order, to fit --duration ${request.durationSeconds}`,
			);
		} else if (request.durationSeconds !== undefined && total < request.durationSeconds - 5) {
			notes.push(`the article gives about ${Math.round(total)} s of video, less than --duration ${request.durationSeconds}; nothing was padded`);
		}
		const parsed = videoScriptSchema.safeParse(input);
		if (!parsed.success) {
			// e.g. a long article without --duration gives more scenes than a script may have
			const problems = problemsFromZod(parsed.error).map((p) => `${p.path}: ${p.message}`);
			throw new Error(`the script made from ${request.source.name} is not valid (${problems.join('; ')}); pass a shorter article, or --duration SECONDS`);
		}
		return { script: parsed.data, notes };
	},
});
