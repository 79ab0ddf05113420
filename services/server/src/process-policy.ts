import { errorClass } from '@integrity-desk/http';
/**
 * What the process does with an error nothing caught. Every listener and route is guarded (the
 * Express apps map errors to problems, raw listeners answer 500: src/listen.ts), so reaching
 * this is a bug; one bad request must still not end the service for every whistleblower. The
 * line names the error's class only (a message can carry request data). The process exits,
 * for the supervisor to restart, only when the event store itself reports corruption: serving
 * on from a corrupt file could acknowledge what it cannot keep.
 */
export type Verdict = 'keep-serving' | 'exit';

const corruption = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

export function verdictOf(error: unknown): Verdict {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (corruption.has(code) || code.startsWith('SQLITE_CORRUPT_'))
    ? 'exit'
    : 'keep-serving';
}

const nameOf = errorClass;

export function installProcessPolicy(
  proc: Pick<NodeJS.Process, 'on'>,
  log: (line: string) => void,
  exit: (code: number) => void,
): void {
  const handle = (what: string) => (error: unknown) => {
    if (verdictOf(error) === 'exit') {
      log(`${what}: ${nameOf(error)}: the event store reports corruption, exiting for a restart`);
      exit(70);
      return;
    }
    log(`${what}: ${nameOf(error)} (still serving)`);
  };
  proc.on('uncaughtException', handle('uncaught exception'));
  proc.on('unhandledRejection', handle('unhandled rejection'));
}
