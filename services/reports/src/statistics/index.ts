export * from './events.ts';
export { indicatorsOf, liveStatistics } from './indicators.ts';
export { latestSnapshot } from './latest.ts';
export { DEFAULT_THRESHOLD, snapshotOf } from './publish.ts';
export { quarterOf, hasEnded, type Quarter } from './quarter.ts';
export { readStatisticsRows } from './rows.ts';
export { suppress, type PublishedCount } from './suppress.ts';
export { measures, tabulate, type Measure, type StatisticsRow } from './tabulate.ts';
