export * from './events.ts';
export * from './questionnaire.ts';
export { questionnaireFromVersion1, version1Language } from './questionnaire-v1.ts';
export * from './commands.ts';
export * from './errors.ts';
export * from './state.ts';
export { decideChannel } from './decide.ts';
export { evolveChannel } from './evolve.ts';
export { channelDecider, channelStream } from './handle.ts';
