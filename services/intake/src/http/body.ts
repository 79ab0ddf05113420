import { verifyJsonDepth } from '@integrity-desk/http';
import express, { type RequestHandler } from 'express';
import { ProblemError, sendProblem } from './problem.ts';

/**
 * Answers 413 from the declared Content-Length alone, without reading the body (body-parser
 * would drain it before answering), and closes the connection so the rest is never read.
 */
function declaredLengthAtMost(limit: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      res.setHeader('Connection', 'close');
      sendProblem(res, 'tooLarge');
      return;
    }
    next();
  };
}

/**
 * JSON bodies: only `application/json`, at most `limit` bytes. body-parser compares the declared
 * Content-Length with the limit before reading anything, so an oversize body is refused with 413
 * without being buffered; a body without a length is cut off as soon as it passes the limit.
 */
export function jsonBody(limit: number): RequestHandler[] {
  return [
    declaredLengthAtMost(limit),
    (req, _res, next) => {
      next(req.is('application/json') ? undefined : new ProblemError('unsupportedMediaType'));
    },
    express.json({ limit, strict: true, type: 'application/json', verify: verifyJsonDepth }),
  ];
}

/** Binary chunks of evidence ciphertext, same rule as JSON: 413 before buffering. */
export function octetBody(limit: number): RequestHandler[] {
  return [
    declaredLengthAtMost(limit),
    (req, _res, next) => {
      next(
        req.is('application/octet-stream') ? undefined : new ProblemError('unsupportedMediaType'),
      );
    },
    express.raw({ limit, type: 'application/octet-stream' }),
  ];
}
