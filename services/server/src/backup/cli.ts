import { errorClass } from '@integrity-desk/http';
import { UsageError } from './args.ts';
import { BackupRefusedError } from './errors.ts';

/**
 * The frame both tools share: arguments parsed first (exit 2 with the usage), a refusal as its
 * one line (exit 1), anything else by error class and system code only, since a message could
 * carry data.
 */
export async function runCli<A>(tool: {
  readonly name: string;
  readonly usage: string;
  readonly parse: (argv: readonly string[]) => A;
  readonly run: (args: A) => Promise<number>;
  /** Said after an unexpected failure, e.g. that nothing was written. */
  readonly onFailure: string;
}): Promise<number> {
  let args: A;
  try {
    args = tool.parse(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof Error ? error.message : 'bad arguments';
    process.stderr.write(
      `${tool.name}: ${message}${error instanceof UsageError ? ` (${tool.usage})` : ''}\n`,
    );
    return 2;
  }
  try {
    return await tool.run(args);
  } catch (error) {
    if (error instanceof BackupRefusedError) {
      process.stderr.write(`${tool.name}: ${error.message}\n`);
      return 1;
    }
    const code = (error as { code?: unknown }).code;
    process.stderr.write(
      `${tool.name}: failed (${errorClass(error)}${typeof code === 'string' ? ` ${code}` : ''}); ${tool.onFailure}\n`,
    );
    return 1;
  }
}
