export { loadConfig, type Config } from './config.ts';
export { startPlatform, type Platform } from './platform.ts';
export { runFrontendBuild, repositoryRoot, type FrontendBuildOutcome } from './frontend/build.ts';
export { readBuildManifest, type BuildManifest } from './frontend/manifest.ts';
