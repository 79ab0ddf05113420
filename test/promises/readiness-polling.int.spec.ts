/**
 * SECURITY.md, "Public endpoints": readiness is computed at most once a second (one small file
 * written and fsynced in DATA_DIR), so polling `/readyz` cannot be turned into disk load, though
 * neither endpoint is rate limited. Attacked from outside: the composition root with its defaults
 * over a real SQLite file, `/readyz` polled as fast as one client can on intake and the desk
 * together, every answer given, while a watch on DATA_DIR counts the probe files made.
 */
import { watch } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { platformWithDefaultsForSuite } from './support/platform-defaults.ts';

const suite = platformWithDefaultsForSuite('readyz');

describe('/readyz polled flat out', () => {
  it('answers every poll, and writes DATA_DIR at most about once a second', async () => {
    let events = 0;
    // The probe file (services/server/src/health/data-dir.ts): made, synced and removed.
    const watcher = watch(suite.dataDir, (type, name) => {
      if (type === 'rename' && name === '.write-probe') events += 1;
    });
    try {
      const started = Date.now();
      let answered = 0;
      for (let i = 0; i < 400; i++) {
        const base = i % 2 === 0 ? suite.platform.urls.intake! : suite.platform.urls.desk!;
        const res = await fetch(`${base}/readyz`);
        await res.arrayBuffer();
        if (res.status === 200 || res.status === 503) answered += 1;
      }
      const seconds = (Date.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 100));
      expect(answered).toBe(400);
      // A probe is a file made and removed: two rename events in DATA_DIR.
      const probes = events / 2;
      expect(probes, 'the watch sees the probes').toBeGreaterThanOrEqual(1);
      expect(probes, `${probes} probes in ${seconds.toFixed(1)} s`).toBeLessThanOrEqual(
        Math.ceil(seconds) + 2,
      );
    } finally {
      watcher.close();
    }
  });
});
