import type { RecordedEvent } from '@integrity-desk/eventstore';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { notifierState } from './state.ts';

const dir = mkdtempSync(join(tmpdir(), 'idesk-notifier-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nobody = { recipientsOf: () => [], caretakersOf: () => [] };
const settings = (position: number, email: string) =>
  ({
    type: 'NotificationSettingsChanged',
    position: BigInt(position),
    data: { investigatorId: 'i', email, mode: 'immediate', changedAt: '2026-03-02T05:00:00.000Z' },
  }) as unknown as RecordedEvent;

describe('the notifier state shared by several processes', () => {
  it('applies a page once: a stale page read before another process applied it changes nothing', () => {
    const file = join(dir, 'stale.sqlite');
    const [a, b] = [new Database(file), new Database(file)];
    const now = new Date('2026-03-02T05:00:00.000Z');
    const [sa, sb] = [notifierState(a, nobody), notifierState(b, nobody)];
    // Both read the log from position 0; A applies 1 and 2 first, B's page (1 only) comes late.
    sa.applyPage([settings(1, 'old@example.org'), settings(2, 'new@example.org')], true, now);
    sb.applyPage([settings(1, 'old@example.org')], true, now);
    expect(sb.recipients().map((r) => r.email)).toEqual(['new@example.org']);
    expect(Number(sb.checkpoint())).toBe(2);
    a.close();
    b.close();
  });

  it('lets one claim a message, refuses the others until it is sent or its lease ends', () => {
    const file = join(dir, 'claims.sqlite');
    const [a, b] = [new Database(file), new Database(file)];
    const [sa, sb] = [notifierState(a, nobody), notifierState(b, nobody)];
    const at = (m: number) => new Date(Date.UTC(2026, 2, 2, 5, m));
    expect(sa.claim('m1', 'A', at(0), 60_000)).toBe('claimed');
    expect(sb.claim('m1', 'B', at(0), 60_000)).toBe('busy');
    expect(sb.claim('m1', 'B', at(2), 60_000)).toBe('claimed'); // A's lease ran out
    sb.release('m1', 'A'); // not A's any more: stays
    expect(sa.claim('m1', 'A', at(2), 60_000)).toBe('busy');
    sb.sent('m1', 'i', at(2));
    expect(sa.claim('m1', 'A', at(9), 60_000)).toBe('sent');
    expect(sa.claim('m2', 'A', at(9), 60_000)).toBe('claimed');
    sa.release('m2', 'A');
    expect(sb.claim('m2', 'B', at(9), 60_000)).toBe('claimed');
    a.close();
    b.close();
  });
});
