/** What the operator asked `npm run desk:recover` for, parsed without touching anything. */
export type RecoverRequest =
  | { readonly mode: 'totp-reset'; readonly handle: string }
  | { readonly mode: 'new-key'; readonly dryRun: boolean };

export const usage = 'usage: npm run desk:recover -- totp-reset <handle> | new-key [--dry-run]';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseRecoverArgs(argv: readonly string[]): RecoverRequest {
  const [mode, ...rest] = argv;
  if (mode === 'totp-reset' && rest.length === 1 && !rest[0]!.startsWith('-'))
    return { mode, handle: rest[0]! };
  if (mode === 'new-key' && rest.length <= 1 && (rest[0] ?? '--dry-run') === '--dry-run')
    return { mode, dryRun: rest.length === 1 };
  throw new UsageError(
    mode === 'totp-reset'
      ? 'totp-reset needs exactly one handle'
      : mode === 'new-key'
        ? 'new-key takes only --dry-run'
        : 'say what to do: totp-reset <handle> or new-key',
  );
}
