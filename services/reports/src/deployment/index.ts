export * from './events.ts';
export * from './commands.ts';
export * from './errors.ts';
export * from './state.ts';
export { decideDeployment } from './decide.ts';
export { evolveDeployment } from './evolve.ts';
export { deploymentDecider, deploymentStream } from './handle.ts';
