export const secondsToFrames = (seconds: number, fps: number): number => Math.round(seconds * fps);

export const framesToMs = (frames: number, fps: number): number => (frames * 1000) / fps;

export const msToFrames = (ms: number, fps: number): number => Math.round((ms * fps) / 1000);
