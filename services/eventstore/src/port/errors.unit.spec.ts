import { describe, expect, it } from 'vitest';
import { EventStoreError, StreamNotFoundError } from './errors.ts';

describe('StreamNotFoundError', () => {
  it('is an expected answer: no stack frames captured, the global limit left as it was', () => {
    const before = Error.stackTraceLimit;
    const error = new StreamNotFoundError('report-1');
    expect(Error.stackTraceLimit).toBe(before);
    expect(error).toBeInstanceOf(EventStoreError);
    expect(error.name).toBe('StreamNotFoundError');
    expect(error.streamId).toBe('report-1');
    expect(error.message).toBe('stream not found: report-1');
    expect(error.stack?.split('\n').filter((l) => l.trim().startsWith('at '))).toEqual([]);
    // Other errors still carry their stack.
    expect(new Error('x').stack).toMatch(/\n\s+at /);
  });
});
