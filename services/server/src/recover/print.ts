import type { KeyChangeOutcome, OperatorReset } from '@integrity-desk/desk';

/**
 * What the operator reads. Reset codes appear here and nowhere else: on standard output, once,
 * never in a log line, an event or a file the tool writes.
 */
const handOver = [
  'Hand each code over in person or over a channel you trust. On the desk they open /desk/totp-reset,',
  'enter the code with their handle and password, and set up a new authenticator: without their',
  'password the code binds nothing. Until then their old authenticator no longer signs them in.',
];

export function printedReset(r: OperatorReset): string[] {
  return [
    `The second factor of "${r.handle}" is reset (the audit log shows it, by operator); its sessions end.`,
    `Reset code, shown only now, valid until ${r.expiresAt}:`,
    '',
    `  ${r.resetCode}`,
    '',
    ...handOver,
  ];
}

export function printedKeyChange(
  outcome: KeyChangeOutcome,
  keyFile: string,
  dryRun: boolean,
): string[] {
  const lines = [`Desk key ${keyFile} (key id ${outcome.keyId}).`];
  if (dryRun)
    lines.push(
      outcome.pending.length === 0
        ? 'No account is sealed under another key: nothing would be reset.'
        : `Would reset (dry run, nothing changed): ${outcome.pending.join(', ')}`,
    );
  else if (outcome.reset.length === 0 && outcome.pending.length === 0)
    lines.push('No account is sealed under another key: nothing to reset.');
  if (outcome.reset.length > 0) {
    const width = Math.max(...outcome.reset.map((r) => r.handle.length));
    lines.push(
      `Reset the second factor of ${outcome.reset.length} account(s) (the audit log shows it, by operator).`,
      `Reset codes, shown only now, valid until ${outcome.reset[0]!.expiresAt}:`,
      '',
      ...outcome.reset.map((r) => `  ${r.handle.padEnd(width)}  ${r.resetCode}`),
      '',
      ...handOver,
    );
  }
  if (!dryRun && outcome.pending.length > 0)
    lines.push(
      `Not reset, changed while this ran or failed (run it again, or totp-reset <handle>): ${outcome.pending.join(', ')}`,
    );
  if (outcome.unconfirmed.length > 0)
    lines.push(
      `Enrolled but never confirmed, so nothing to reset (an administrator deactivates and invites them again): ${outcome.unconfirmed.join(', ')}`,
    );
  return lines;
}
