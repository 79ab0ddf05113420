// The desk's audit log names who did each thing: an account by its handle, and the whistleblower,
// a failed sign-in, automatic work and the server operator in words, never a bare id.
import { describe, expect, it } from 'vitest';
import { auditActor } from '../../frontend/src/lib/services/desk/audit.ts';

const alice = '00000000-0000-4000-8000-00000000a11c';
const handles = new Map([[alice, 'alice']]);

describe('the audit log actor', () => {
  it('is the handle of an account it knows', () => {
    expect(auditActor(alice, handles)).toBe('alice');
  });

  it('is a phrase for the whistleblower, a failed sign-in, the system and the operator', () => {
    expect(
      ['whistleblower', 'unauthenticated', 'system', 'operator'].map((a) => auditActor(a, handles)),
    ).toEqual([
      'The whistleblower',
      'Someone not signed in',
      'The system (automatic)',
      'The server operator',
    ]);
  });

  it('never shows a bare id or a value it does not know', () => {
    const other = '00000000-0000-4000-8000-0000000000b0';
    for (const actor of [other, 42, undefined, { kind: 'investigator' }])
      expect(auditActor(actor, handles)).toBe('An account no longer listed');
  });
});
