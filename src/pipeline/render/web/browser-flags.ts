/** Flags for rendering on a CPU: no GPU, no throttling of a page nobody looks at, audio allowed to start. */
export const BROWSER_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-timer-throttling',
	'--disable-backgrounding-occluded-windows',
	'--disable-renderer-backgrounding',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-default-apps',
	'--disable-extensions',
	'--no-first-run',
	'--mute-audio',
	'--hide-scrollbars',
	'--force-color-profile=srgb',
	'--autoplay-policy=no-user-gesture-required',
	'--remote-debugging-pipe',
	// the GPU service as a thread of the browser process and no zygote: ~120 MB less per browser, renderer untouched
	'--in-process-gpu',
	'--no-zygote',
	// and the network service (it only serves 127.0.0.1 here) in the browser process: one process less, ~70 MB
	'--enable-features=NetworkServiceInProcess2',
] as const;
