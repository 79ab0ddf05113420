/**
 * SECURITY.md, "Staff side", First run: setup "can happen once". Two setup requests that carry
 * the right token at the same moment (the token leaked, or a double submit) must not both make
 * an administrator: exactly one succeeds, the other is refused and leaves no account behind.
 */
import { createSqliteEventStore } from '@integrity-desk/eventstore';
import { openReadModels } from '@integrity-desk/reports';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyProofFor, loginSecret, newAccountKeys, setupBody, startDesk } from './harness.ts';

describe('first run', () => {
  it('two simultaneous setups with the right token make one administrator, not two', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'desk-setup-once-'));
    const store = createSqliteEventStore({ file: join(dir, 'events.sqlite') });
    const db = openReadModels(join(dir, 'read-models.sqlite'), (f) => new Database(f));
    const desk = await startDesk({ store, db });
    try {
      const body = (handle: string) => {
        const investigatorId = randomUUID();
        const setup = setupBody(desk, investigatorId, newAccountKeys(desk), loginSecret());
        return { ...setup, administrator: { ...setup.administrator, handle } };
      };
      // A setup refused half way (a key proof for other keys) gives the token back.
      const bad = body('bad');
      bad.administrator.keyProof = keyProofFor(
        desk,
        bad.administrator.investigatorId,
        newAccountKeys(desk),
      );
      const refused = await desk.call('POST', '/api/setup', { body: bad });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      expect(await store.readAll()).toEqual([]);
      const answers = await Promise.all(
        ['first', 'second', 'third'].map((handle) =>
          desk.call('POST', '/api/setup', { body: body(handle) }),
        ),
      );
      expect(answers.map((a) => a.status).filter((s) => s === 201)).toHaveLength(1);
      for (const a of answers.filter((x) => x.status !== 201)) {
        expect(a.status).toBeGreaterThanOrEqual(400);
        expect(a.status).toBeLessThan(500);
      }
      const accounts = (await store.readAll()).filter((e) => e.type === 'InvestigatorInvited');
      expect(accounts).toHaveLength(1);
    } finally {
      await desk.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
