export * from './motions';
export * from './parse-script';
export * from './platforms';
export * from './problems';
export * from './transitions';
export * from './video-props';
export * from './video-script';
