import type { Credit } from '../storyboard-provider';
import type { PexelsPhoto, PexelsVideo } from './pexels-wire';

/** The credit Pexels' guidelines ask for: "Photo by John Doe on Pexels", linking to the photo's page. */
export const photoCredit = (photo: PexelsPhoto): Credit => ({
	provider: 'Pexels',
	author: photo.photographer,
	authorUrl: photo.photographer_url,
	sourceUrl: photo.url,
	text: `Photo by ${photo.photographer} on Pexels`,
});

export const videoCredit = (video: PexelsVideo): Credit => ({
	provider: 'Pexels',
	author: video.user.name,
	authorUrl: video.user.url,
	sourceUrl: video.url,
	text: `Video by ${video.user.name} on Pexels`,
});
