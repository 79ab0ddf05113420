export { createDeskApp } from './app.ts';
export type { Clock, DeskConfig, DeskDeps, DeskLogger, EvidenceBlobs, Ids } from './deps.ts';
export { problems, type ProblemKind } from './http/problem.ts';
export { CSRF_HEADER } from './http/security.ts';
export { SESSION_COOKIE } from './auth/sessions.ts';
export { totpCode } from './auth/totp.ts';
export * from './recovery/index.ts';
