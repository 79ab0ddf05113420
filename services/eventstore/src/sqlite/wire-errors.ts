import {
  DuplicateEventIdError,
  EventStoreError,
  InvalidAppendError,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../port/errors.ts';
import type { ExpectedRevision } from '../port/types.ts';

/** A store error as it crosses from the writer thread (class identity does not survive). */
export interface WireError {
  name: string;
  message: string;
  streamId?: string;
  eventId?: string;
  expected?: ExpectedRevision;
  actual?: bigint | 'no_stream';
}

export function toWire(error: unknown): WireError {
  if (error instanceof EventStoreError) {
    const e = error as EventStoreError & Partial<WireError>;
    return {
      name: e.name,
      message: e.message,
      ...(e.streamId !== undefined && { streamId: e.streamId }),
      ...(e.eventId !== undefined && { eventId: e.eventId }),
      ...(e.expected !== undefined && { expected: e.expected }),
      ...(e.actual !== undefined && { actual: e.actual }),
    };
  }
  // Not a domain error: keep only its class name, never its message (it may quote data).
  return {
    name: 'EventStoreError',
    message: `event store write failed (${(error as Error)?.name ?? 'error'})`,
  };
}

export function fromWire(w: WireError): EventStoreError {
  switch (w.name) {
    case 'WrongExpectedVersionError':
      return new WrongExpectedVersionError(w.streamId!, w.expected!, w.actual!);
    case 'StreamNotFoundError':
      return new StreamNotFoundError(w.streamId!);
    case 'StreamDeletedError':
      return new StreamDeletedError(w.streamId!);
    case 'DuplicateEventIdError':
      return new DuplicateEventIdError(w.streamId!, w.eventId!);
    case 'InvalidAppendError':
      return new InvalidAppendError(w.message);
    default:
      return new EventStoreError(w.message);
  }
}
