import { HttpProblem, defineProblems, problemCatalogue } from '@integrity-desk/http';
import { SharedStateUnavailableError } from '@integrity-desk/shared-state';

/**
 * Every failure an anonymous caller can see, in one place, each with a fixed title (RFC 9457).
 * Never echo an error's message: it may carry internal details, and a fixed text answers the
 * same way for a known and an unknown report.
 */
export const problems = defineProblems(
  {
    invalidSignature: { status: 400, title: 'The signature of the submission does not verify.' },
    unsupportedMediaType: { status: 415, title: 'The request has an unsupported content type.' },
    powRequired: { status: 403, title: 'The proof of work is missing, invalid or expired.' },
    powReplayed: { status: 403, title: 'The proof of work was already used.' },
    powOutdated: {
      status: 403,
      title:
        'The proof of work was made for a lower difficulty than the service asks for now. Fetch a new challenge and solve it.',
    },
    unknownChannel: { status: 404, title: 'There is no such channel.' },
    recipientListOutdated: {
      status: 409,
      title:
        "The report was sealed to an outdated recipient list. Fetch the channel's current list and seal it again.",
    },
    conflict: { status: 409, title: 'A different submission already exists under this id.' },
    sessionRefused: { status: 401, title: 'The receipt could not be verified.' },
    unauthorized: { status: 401, title: 'The session is missing or has expired.' },
    methodNotAllowed: { status: 405, title: 'Method not allowed.' },
    uploadNotFound: { status: 404, title: 'There is no such upload.' },
    uploadExpired: {
      status: 410,
      title: 'The upload was not finished in time and was removed. Start this file again.',
    },
    uploadOffset: { status: 409, title: 'The chunk does not start at the next expected offset.' },
    uploadConflict: {
      status: 409,
      title: 'An upload with this id and different parameters exists.',
    },
    quotaExceeded: { status: 413, title: 'The evidence quota of this report is exhausted.' },
    uploadIncomplete: { status: 409, title: 'The upload is not complete.' },
    reportClosed: { status: 409, title: 'The report does not accept this change.' },
    wrongAuthor: { status: 422, title: 'The message is not signed with the key of this receipt.' },
    referralSharesRefused: {
      status: 400,
      title:
        "The key shares are not signed with this receipt's key or not sealed to the organisation's listed recipients.",
    },
    referralListChanged: {
      status: 409,
      title:
        "The key shares do not match the organisation's current list of recipients. Reload the case and answer again.",
    },
    messageOutOfSequence: {
      status: 409,
      title: 'The message is not the next one of its author. Reload the case and send it again.',
    },
    formRefused: {
      status: 403,
      title:
        'The form has expired or did not come from this site. Go back, reload the page and send it again.',
    },
    answersMissing: { status: 400, title: 'A required question has no answer.' },
    recipientsUnverified: {
      status: 503,
      title:
        "This organisation's list of recipients could not be verified, so nothing was sealed to it.",
      retryAfterSeconds: 60,
    },
    rateLimited: { status: 429, title: 'Too many requests. Please wait and try again.' },
    unavailable: {
      status: 503,
      title: 'The service is busy. Please try again.',
      retryAfterSeconds: 5,
    },
  },
  {
    full: 'The server is out of storage space and did not save this. Please try again later.',
    unavailable:
      'The server cannot save anything at the moment and did not save this. Please try again later.',
  },
);

export type ProblemKind = keyof typeof problems;

/** Thrown by handlers; the error handler turns it into a problem response. */
export class ProblemError extends HttpProblem<ProblemKind> {}

export const { sendProblem, problemHandler, kindOf } = problemCatalogue<ProblemKind>({
  problems,
  typeBase: 'https://integrity-desk.org/problems/',
  problemClass: ProblemError,
  // A guard that cannot check (Redis away, the memory bound reached) fails closed: 503, retry.
  kindOfDomainError: (error) =>
    error instanceof SharedStateUnavailableError ? 'unavailable' : undefined,
  // Unexpected errors, a busy service and the disk's faults, counted hourly (never a line).
  reported: ['internal', 'unavailable', 'storageFull', 'storageUnavailable'],
});
