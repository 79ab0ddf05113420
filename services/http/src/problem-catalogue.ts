import type { ErrorRequestHandler, Response } from 'express';
import { parserProblem, writeProblem, type ParserProblem, type ProblemEntry } from './problem.ts';
import { InvalidRequestError } from './request.ts';
import { STORAGE_RETRY_AFTER_SECONDS, storageFault } from './storage-fault.ts';

/** The kinds every service's catalogue must hold: the failures this module maps by itself. */
export type CommonProblem = ParserProblem | 'storageFull' | 'storageUnavailable' | 'internal';

/** Entries every service's catalogue holds with the same words. */
const commonProblems = {
  malformedJson: { status: 400, title: 'The request body is not valid JSON.' },
  invalidRequest: { status: 400, title: 'The request does not match the expected format.' },
  tooLarge: { status: 413, title: 'The request body is too large.' },
  notFound: { status: 404, title: 'Not found.' },
  internal: { status: 500, title: 'Something went wrong. Please try again.' },
} as const satisfies Record<string, ProblemEntry>;

/**
 * A service's catalogue: its own entries, the common ones, and the disk's two, whose titles are
 * the service's. The disk, not the request: nothing was saved, and the same request succeeds
 * once the operator freed space (507) or made the data directory writable again (503).
 */
export function defineProblems<const T extends Record<string, ProblemEntry>>(
  own: T,
  storage: { full: string; unavailable: string },
) {
  return {
    ...commonProblems,
    ...own,
    storageFull: {
      status: 507,
      title: storage.full,
      retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS,
    },
    storageUnavailable: {
      status: 503,
      title: storage.unavailable,
      retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS,
    },
  } as const;
}

/**
 * Thrown by a service's handlers with a kind of its catalogue; its problem handler answers it.
 * Each service declares its own subclass (`class ProblemError extends HttpProblem<ProblemKind>`),
 * so a kind of one service's catalogue cannot be thrown in the other.
 */
export class HttpProblem<K extends string> extends Error {
  override readonly name = 'ProblemError';
  constructor(readonly kind: K) {
    super(kind);
  }
}

export interface ProblemCatalogueOptions<K extends string> {
  /** Every failure a caller of this service can see, each with a fixed title. */
  readonly problems: Record<K, ProblemEntry>;
  /** Prefix of each problem's `type` URI. */
  readonly typeBase: string;
  /** The service's own `HttpProblem` subclass (its kinds are this catalogue's). */
  readonly problemClass: abstract new (kind: K) => HttpProblem<K>;
  /** The service's domain and store errors, by class, never by message; undefined for others. */
  readonly kindOfDomainError?: (error: unknown) => K | undefined;
  /** Kinds the operator should hear about (as counts or lines, never the error's message). */
  readonly reported: readonly K[];
}

export interface ProblemCatalogue<K extends string> {
  /** Writes the problem of `kind` (RFC 9457) with its fixed title. */
  sendProblem(res: Response, kind: K): void;
  /** Errors to problems, in one place: the service's own, a request's shape, its domain's, the disk's, the parser's. */
  kindOf(error: unknown): K;
  /** The last middleware: every error becomes a fixed problem; the reported kinds are reported. */
  problemHandler(report: (kind: K, error: unknown) => void): ErrorRequestHandler;
}

/**
 * A service's problem responses from its catalogue: what intake and desk share (the response,
 * body-parser errors by type, disk faults by errno, a response already begun is cut) is here;
 * what differs (titles, domain errors) is the service's.
 */
export function problemCatalogue<K extends string>(
  options: ProblemCatalogueOptions<K | CommonProblem>,
): ProblemCatalogue<K | CommonProblem> {
  type Kind = K | CommonProblem;
  const reported = new Set<Kind>(options.reported);
  const sendProblem = (res: Response, kind: Kind) =>
    writeProblem(res, options.typeBase + kind, options.problems[kind]);
  const kindOf = (error: unknown): Kind => {
    if (error instanceof options.problemClass) return error.kind;
    if (error instanceof InvalidRequestError) return 'invalidRequest';
    const domain = options.kindOfDomainError?.(error);
    if (domain !== undefined) return domain;
    const fault = storageFault(error);
    if (fault) return fault === 'full' ? 'storageFull' : 'storageUnavailable';
    return parserProblem(error) ?? 'internal';
  };
  return {
    sendProblem,
    kindOf,
    problemHandler: (report) => (error: unknown, _req, res, _next) => {
      const kind = kindOf(error);
      if (reported.has(kind)) report(kind, error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendProblem(res, kind);
    },
  };
}

/**
 * The class of an error for a log line or a count: never its message, which can carry request
 * data, ids or a file's path. `typeof` for what is not an Error (a thrown string is 'string').
 */
export function errorClass(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
