import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Internals } from 'remotion';

const COMPOSITION_ID = 'markup';

// Remotion's timeline reads a remembered frame from localStorage before it sees the frame it is given
(globalThis as { localStorage?: unknown }).localStorage ??= { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };

/**
 * The HTML a component renders at `frame` of a composition, as a render sees it (isRendering), with the same
 * contexts @remotion/web-renderer gives a composition, but on the server: what is mounted, and with which styles.
 */
export const markupAtFrame = <P extends object>(
	Component: React.ComponentType<P>,
	props: P,
	{ frame, width, height, fps, durationInFrames }: { frame: number; width: number; height: number; fps: number; durationInFrames: number },
): string =>
	renderToStaticMarkup(
		<Internals.RemotionEnvironmentContext.Provider
			value={{ isStudio: false, isRendering: true, isPlayer: false, isReadOnlyStudio: false, isClientSideRendering: true }}
		>
			<Internals.CompositionManager.Provider
				value={{
					compositions: [
						{
							id: COMPOSITION_ID,
							component: Component as never,
							order: null,
							defaultProps: {},
							folderName: null,
							parentFolderName: null,
							schema: null,
							calculateMetadata: null,
							durationInFrames,
							fps,
							height,
							width,
						} as never,
					],
					canvasContent: { type: 'composition', compositionId: COMPOSITION_ID },
					currentAssetMetadata: null,
					currentCompositionMetadata: {
						props,
						durationInFrames,
						fps,
						height,
						width,
						defaultCodec: null,
						defaultOutName: null,
						defaultVideoImageFormat: null,
						defaultPixelFormat: null,
						defaultProResProfile: null,
						defaultSampleRate: null,
					} as never,
					folders: [],
				}}
			>
				<Internals.RemotionRootContexts
					audioEnabled={false}
					videoEnabled
					logLevel="error"
					numberOfAudioTags={0}
					audioLatencyHint="interactive"
					previewSampleRate={48000}
					frameState={{ [COMPOSITION_ID]: frame }}
					_experimentalKeepAudioContextAlive={false}
				>
					<Internals.CanUseRemotionHooks.Provider value>
						<Component {...props} />
					</Internals.CanUseRemotionHooks.Provider>
				</Internals.RemotionRootContexts>
			</Internals.CompositionManager.Provider>
		</Internals.RemotionEnvironmentContext.Provider>,
	);
