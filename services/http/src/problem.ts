import type { Response } from 'express';

/** One entry of a service's problem catalogue: a status and a fixed title (RFC 9457). */
export interface ProblemEntry {
  readonly status: number;
  readonly title: string;
  /** Sent as `Retry-After` (seconds): the condition passes by itself or by the operator's hand. */
  readonly retryAfterSeconds?: number;
}

/**
 * Writes an RFC 9457 problem response. The title is the catalogue's fixed text, never an
 * error's message (it can carry internal detail, and a fixed text answers a known and an
 * unknown resource the same way).
 */
export function writeProblem(res: Response, type: string, problem: ProblemEntry): void {
  if (problem.retryAfterSeconds !== undefined)
    res.setHeader('Retry-After', String(problem.retryAfterSeconds));
  res
    .status(problem.status)
    .setHeader('Cache-Control', 'no-store')
    .type('application/problem+json')
    .send(JSON.stringify({ type, title: problem.title, status: problem.status }));
}

/** The body-parser failures every service answers the same way. */
export type ParserProblem =
  'malformedJson' | 'tooLarge' | 'unsupportedMediaType' | 'invalidRequest';

/**
 * Maps body-parser's errors by their `type` (never their message) to a problem kind; any other
 * client error (a 4xx status) is an invalid request. Undefined for everything else.
 */
export function parserProblem(error: unknown): ParserProblem | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  switch ((error as { type?: unknown }).type) {
    case 'entity.parse.failed':
      return 'malformedJson';
    case 'entity.too.large':
      return 'tooLarge';
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return 'unsupportedMediaType';
    case 'entity.too.deep':
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return 'invalidRequest';
  }
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) return 'invalidRequest';
  return undefined;
}
