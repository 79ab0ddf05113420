// A slow derivation's line under the progress bar: the time left projected from the fraction
// done, in seconds or minutes, and the time so far while there is too little to project from.
import { describe, expect, it } from 'vitest';
import { progressEstimate } from '../../frontend/src/lib/progress-estimate.ts';

describe('the derivation estimate', () => {
  it('projects the time left from the fraction done and the time so far', () => {
    expect(progressEstimate(10_000, 0.5)).toBe('About 10 s left (10 s so far).');
    expect(progressEstimate(3_000, 0.75)).toBe('About 1 s left (3 s so far).');
    expect(progressEstimate(30_000, 0.1)).toBe('About 5 minutes left (30 s so far).');
  });

  it('says only the time so far until there is enough to project from', () => {
    expect(progressEstimate(4_000, 0)).toBe('Working: 4 s so far.');
    expect(progressEstimate(4_000, 0.01)).toBe('Working: 4 s so far.');
    expect(progressEstimate(500, 0.5)).toBe('Working: 0 s so far.');
  });
});
