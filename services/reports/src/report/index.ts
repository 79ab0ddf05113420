export * from './events.ts';
export * from './commands.ts';
export * from './errors.ts';
export * from './state.ts';
export { decideReport } from './decide.ts';
export { evolveReport } from './evolve.ts';
export { handleReportCommand, readReport, reportDecider, reportStream } from './handle.ts';

export {
  caretakersOf,
  channelsWithAccess,
  channelsWithAccessOf,
  type ReferralReach,
} from './access.ts';
