// LOG_LEVEL: the services' logs can be made quieter (the tests run at `warn`), and `info`, the
// default, writes every request line, which is what the canary tests read.
import { createIntakeLogger } from '@integrity-desk/intake';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { deskLogger } from '../src/logging.ts';

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('LOG_LEVEL', () => {
  it('is info by default, takes warn, error and silent, and refuses anything else', () => {
    expect(loadConfig({}, []).logLevel).toBe('info');
    for (const level of ['warn', 'error', 'silent'] as const)
      expect(loadConfig({ LOG_LEVEL: level }, []).logLevel).toBe(level);
    // debug and trace would suggest there were more detailed lines to have: there are none.
    for (const level of ['debug', 'trace', 'INFO', ''])
      expect(() => loadConfig({ LOG_LEVEL: level }, [])).toThrow(/LOG_LEVEL/);
  });

  it("sets intake's request log: info writes request lines, warn only failures, silent nothing", () => {
    const written = (level: 'info' | 'warn' | 'silent') => {
      const { lines, stream } = sink();
      const logger = createIntakeLogger(stream, level);
      logger.info({ method: 'GET', route: '/api/v1/deployment', status: 200, ms: 1 }, 'request');
      logger.error({ error: 'TypeError' }, 'request failed');
      return lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    };
    expect(written('info')).toEqual(['request', 'request failed']);
    expect(written('warn')).toEqual(['request failed']);
    expect(written('silent')).toEqual([]);
  });

  it("sets the desk's operational lines the same way", () => {
    const lines: string[] = [];
    const each = (level: 'info' | 'warn' | 'error' | 'silent') => {
      lines.length = 0;
      const logger = deskLogger((line) => lines.push(line), level);
      logger.info('i');
      logger.warn('w');
      logger.error('e');
      return [...lines];
    };
    expect(each('info')).toEqual(['i', 'w', 'e']);
    expect(each('warn')).toEqual(['w', 'e']);
    expect(each('error')).toEqual(['e']);
    expect(each('silent')).toEqual([]);
  });
});
