import { SharedStateUnavailableError } from '@integrity-desk/shared-state';
import {
  DuplicateEventIdError,
  StreamDeletedError,
  WrongExpectedVersionError,
} from '@integrity-desk/eventstore';
import {
  AlreadyAssignedError,
  ChannelNotFoundError,
  DeploymentKeyRefusedError,
  DuplicateItemError,
  EnrolmentRefusedError,
  IllegalTransitionError,
  InvalidCommandError,
  InvestigatorNotFoundError,
  LabelNotDefinedError,
  KeyShareConflictError,
  MessageOutOfSequenceError,
  NotAssignedError,
  ReportAlreadySubmittedError,
  ReportNotFoundError,
  ReportPurgedError,
  RecipientListRefusedError,
  ReferralConflictError,
  StaleVersionError,
  WrongAuthorError,
} from '@integrity-desk/reports';
import { HttpProblem, defineProblems, problemCatalogue } from '@integrity-desk/http';
import { ZodError } from 'zod';

/**
 * Every failure a desk caller can see, in one place, each with a fixed title (RFC 9457). Never
 * echo error.message: it can carry internal detail.
 */
export const problems = defineProblems(
  {
    unsupportedMediaType: { status: 415, title: 'The request body must be JSON.' },
    unauthenticated: {
      status: 401,
      title: 'Sign in first; the session is missing or has expired.',
    },
    loginFailed: { status: 401, title: 'The sign-in details are not correct.' },
    csrf: { status: 403, title: 'The request did not come from the desk.' },
    forbidden: { status: 403, title: 'You are not allowed to do this.' },
    conflict: { status: 409, title: 'The change conflicts with the current state.' },
    illegalTransition: { status: 409, title: 'This action is not possible in the current state.' },
    wrongAuthor: { status: 422, title: 'The message is not signed with your enrolled key.' },
    messageOutOfSequence: {
      status: 409,
      title: 'The message is not your next one on this report. Reload the case and send it again.',
    },
    precondition: { status: 412, title: 'Someone changed this in the meantime; reload and retry.' },
    preconditionRequired: { status: 428, title: 'Send the revision you saw in If-Match.' },
    enrolmentRefused: { status: 403, title: 'The enrolment code is not valid.' },
    keyProofRefused: {
      status: 422,
      title: 'The proof of key possession does not match the keys.',
    },
    setupRefused: { status: 403, title: 'Setup is not possible.' },
    deploymentKeyRefused: {
      status: 403,
      title:
        'Only a holder of the deployment key can share it (with active administrators), and only the current key can sign its successor.',
    },
    recipientListRefused: {
      status: 422,
      title:
        'The recipient list is not signed with the deployment key or does not name active accounts by their enrolled keys.',
    },
    labelNotDefined: {
      status: 422,
      title: "This label is not one of the channel's labels; an administrator defines them.",
    },
    tooManyAttempts: { status: 429, title: 'Too many attempts. Please wait and try again.' },
    // Every sign-in slot and queue place is taken (auth/signin-gate.ts): a hash takes a fraction of
    // a second, so a moment later there is room again.
    // The shared state (Redis) did not answer: a session, throttle or replay guard could not be
    // checked, so nothing was done (fail closed).
    stateUnavailable: {
      status: 503,
      title: 'A safety check could not be made right now; nothing was done. Try again in a moment.',
      retryAfterSeconds: 5,
    },
    signInBusy: {
      status: 503,
      title: 'Too many sign-ins are being checked right now. Please try again in a moment.',
      retryAfterSeconds: 1,
    },
  },
  {
    full: 'The server is out of storage space; this was not saved. Try again later.',
    unavailable:
      'The server cannot save anything at the moment; this was not saved. Try again later.',
  },
);

export type ProblemKind = keyof typeof problems;

export class ProblemError extends HttpProblem<ProblemKind> {}

/** Domain and store errors to problems, by class, never by message. */
function kindOfDomainError(error: unknown): ProblemKind | undefined {
  if (error instanceof ZodError) return 'invalidRequest';
  if (error instanceof WrongExpectedVersionError) return 'precondition';
  if (error instanceof ReportNotFoundError || error instanceof ReportPurgedError) return 'notFound';
  if (error instanceof StreamDeletedError) return 'notFound';
  if (error instanceof ChannelNotFoundError || error instanceof InvestigatorNotFoundError)
    return 'notFound';
  if (error instanceof IllegalTransitionError) return 'illegalTransition';
  if (error instanceof EnrolmentRefusedError) return 'enrolmentRefused';
  if (error instanceof RecipientListRefusedError) return 'recipientListRefused';
  if (error instanceof WrongAuthorError) return 'wrongAuthor';
  if (error instanceof MessageOutOfSequenceError) return 'messageOutOfSequence';
  if (error instanceof DeploymentKeyRefusedError) return 'deploymentKeyRefused';
  if (error instanceof LabelNotDefinedError) return 'labelNotDefined';
  if (
    error instanceof AlreadyAssignedError ||
    error instanceof NotAssignedError ||
    error instanceof DuplicateItemError ||
    error instanceof KeyShareConflictError ||
    error instanceof ReferralConflictError ||
    error instanceof ReportAlreadySubmittedError ||
    error instanceof StaleVersionError ||
    error instanceof DuplicateEventIdError
  )
    return 'conflict';
  if (error instanceof InvalidCommandError) return 'invalidRequest';
  if (error instanceof SharedStateUnavailableError) return 'stateUnavailable';
  return undefined;
}

export const { sendProblem, problemHandler } = problemCatalogue<ProblemKind>({
  problems,
  typeBase: 'https://integrity-desk.org/problems/desk/',
  problemClass: ProblemError,
  kindOfDomainError,
  // Unexpected errors and the disk's faults; a refusal or a busy sign-in is the caller's answer.
  reported: ['internal', 'storageFull', 'storageUnavailable', 'stateUnavailable'],
});
