import { describe, expect, it } from 'vitest';
import { GateFullError, SignInGate } from './signin-gate.ts';

/** Work that finishes when the test says so, counting how many run at once. */
function controlled() {
  let running = 0;
  let peak = 0;
  const finishers: (() => void)[] = [];
  const work = () =>
    new Promise<string>((resolve) => {
      running++;
      peak = Math.max(peak, running);
      finishers.push(() => {
        running--;
        resolve('done');
      });
    });
  const tick = () => new Promise((r) => setImmediate(r));
  return { work, finishers, peak: () => peak, running: () => running, tick };
}

describe('sign-in gate', () => {
  it('runs at most `concurrency` at once, queues `queue` more and refuses the rest at once', async () => {
    const gate = new SignInGate({ concurrency: 2, queue: 1 });
    const c = controlled();
    const admitted = [gate.run(c.work), gate.run(c.work), gate.run(c.work)];
    await expect(gate.run(c.work)).rejects.toBeInstanceOf(GateFullError);
    await c.tick();
    expect(c.running()).toBe(2);
    c.finishers.shift()!();
    await c.tick();
    // The queued one took the freed slot; the gate is full again with nobody waiting.
    expect(c.running()).toBe(2);
    const fourth = gate.run(c.work);
    await expect(gate.run(c.work)).rejects.toBeInstanceOf(GateFullError);
    while (c.finishers.length > 0) {
      c.finishers.shift()!();
      await c.tick();
    }
    expect(await Promise.all([...admitted, fourth])).toEqual(['done', 'done', 'done', 'done']);
    expect(c.peak()).toBe(2);
  });

  it('frees the slot when the work fails', async () => {
    const gate = new SignInGate({ concurrency: 1, queue: 0 });
    await expect(gate.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await gate.run(async () => 'again')).toBe('again');
  });

  it('has at least one slot', () => {
    expect(new SignInGate({ concurrency: 0 }).concurrency).toBe(1);
  });
});
