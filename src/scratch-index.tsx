import React from 'react';
import { AbsoluteFill, Composition, registerRoot, useCurrentFrame } from 'remotion';
import { KenBurnsImage } from './components/KenBurnsImage';
import { ShortVideo } from './compositions/ShortVideo/ShortVideo';
import { calculateMetadata } from './compositions/ShortVideo/calculate-metadata';
const Blank: React.FC = () => { const f = useCurrentFrame(); return <AbsoluteFill style={{ background: f % 2 ? '#123' : '#321' }} />; };
const KB: React.FC = () => <KenBurnsImage src="01.png" motion="zoom_in" durationInFrames={300} />;
const Root: React.FC = () => (<>
	<Composition id="Blank" component={Blank} width={1920} height={1080} fps={30} durationInFrames={300} />
	<Composition id="KB" component={KB} width={1920} height={1080} fps={30} durationInFrames={300} />
	<Composition id="ShortVideo" component={ShortVideo as never} calculateMetadata={calculateMetadata as never} width={1920} height={1080} fps={30} durationInFrames={300} />
</>);
registerRoot(Root);
