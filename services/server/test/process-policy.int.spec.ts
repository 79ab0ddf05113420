/**
 * The process-level policy (issue 13, finding 1), in a real Node process: an error nothing
 * caught is logged by its class only and the server keeps answering; only an event store that
 * reports corruption ends the process, for the supervisor to restart.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verdictOf } from '../src/process-policy.ts';

const policy = join(import.meta.dirname, '..', 'src', 'process-policy.ts');

/** A child that serves HTTP, then throws or rejects `what` outside any handler. */
function child(what: string) {
  const script = `
    import { createServer } from 'node:http';
    import { installProcessPolicy } from ${JSON.stringify(policy)};
    installProcessPolicy(process, (l) => console.error(l), (c) => process.exit(c));
    const server = createServer((_q, r) => r.end('alive'));
    server.listen(0, '127.0.0.1', () => {
      console.log('port ' + server.address().port);
      ${what}
    });`;
  const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: proc.stderr }).on('line', (l) => stderr.push(l));
  const port = new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout }).on('line', (l) => {
      const m = /^port (\d+)$/.exec(l);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr.join('\n')}`)));
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
  return { proc, port, stderr, exited };
}

describe('uncaught errors', () => {
  it('logs the class only and keeps serving after an uncaught exception and a rejection', async () => {
    const c = child(`
      setTimeout(() => { throw new TypeError('SECRET-CANARY report text'); }, 10);
      setTimeout(() => { Promise.reject(new RangeError('SECRET-CANARY')); }, 20);`);
    try {
      const port = await c.port;
      await expect.poll(() => c.stderr.length, { timeout: 10_000 }).toBe(2);
      expect(c.stderr).toEqual([
        'uncaught exception: TypeError (still serving)',
        'unhandled rejection: RangeError (still serving)',
      ]);
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('alive');
    } finally {
      c.proc.kill();
    }
  }, 30_000);

  it('exits with 70 when the event store reports corruption', async () => {
    const c = child(`
      setTimeout(() => { throw Object.assign(new Error('SECRET-CANARY'), { code: 'SQLITE_CORRUPT' }); }, 10);`);
    await c.port;
    expect(await c.exited).toBe(70);
    expect(c.stderr.join('\n')).not.toContain('SECRET-CANARY');
    expect(c.stderr.join('\n')).toContain('corruption');
  }, 30_000);

  it('keeps serving on every other error, a full disk included', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC', 'SQLITE_BUSY', 'EPIPE', undefined])
      expect(verdictOf(Object.assign(new Error('x'), { code }))).toBe('keep-serving');
    expect(verdictOf('a string')).toBe('keep-serving');
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_NOTADB'])
      expect(verdictOf(Object.assign(new Error('x'), { code }))).toBe('exit');
  });
});
