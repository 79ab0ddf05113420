/** What the operator asked `npm run backup` / `npm run restore` for, parsed without side effects. */
export type BackupArgs =
  | { readonly mode: 'keygen'; readonly secretFile: string }
  | { readonly mode: 'backup'; readonly archive: string; readonly to: string | undefined };

export interface RestoreArgs {
  readonly archive: string;
  readonly keyFile: string;
  readonly purgesFrom: readonly string[];
}

export const backupUsage =
  'usage: npm run backup -- <archive> [--to <public key>] | npm run backup -- --keygen <secret key file>';
export const restoreUsage =
  'usage: npm run restore -- <archive> --key <secret key file> [--purges-from <newer archive or events.sqlite>]...';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Splits `--flag value` pairs from positional arguments; every flag takes one value. */
function split(argv: readonly string[], flags: readonly string[]) {
  const positional: string[] = [];
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    if (!flags.includes(arg)) throw new UsageError(`unknown option ${arg}`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
    values.set(arg, [...(values.get(arg) ?? []), value]);
  }
  return { positional, values };
}

export function parseBackupArgs(argv: readonly string[]): BackupArgs {
  const { positional, values } = split(argv, ['--to', '--keygen']);
  const keygen = values.get('--keygen');
  if (keygen) {
    if (keygen.length > 1 || positional.length > 0 || values.has('--to'))
      throw new UsageError('--keygen takes one file and nothing else');
    return { mode: 'keygen', secretFile: keygen[0]! };
  }
  if (positional.length !== 1) throw new UsageError('name one archive file to write');
  const to = values.get('--to');
  if (to && to.length > 1) throw new UsageError('--to once');
  return { mode: 'backup', archive: positional[0]!, to: to?.[0] };
}

export function parseRestoreArgs(argv: readonly string[]): RestoreArgs {
  const { positional, values } = split(argv, ['--key', '--purges-from']);
  if (positional.length !== 1) throw new UsageError('name one archive file to restore');
  const key = values.get('--key');
  if (!key || key.length !== 1) throw new UsageError('--key <secret key file> once');
  return {
    archive: positional[0]!,
    keyFile: key[0]!,
    purgesFrom: values.get('--purges-from') ?? [],
  };
}
