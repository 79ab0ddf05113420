export { loadConfig, type Config } from './config.ts';
export { startPlatform, type Platform } from './platform.ts';
