import { expect } from 'vitest';
import type { Actor } from './command.ts';

/**
 * given/when/then for deciders, as emmett's DeciderSpecification: given past events, when a
 * command, then the new events or a typed error. Test-only helper.
 */
export function deciderSpec<Command, Event, State>(decider: {
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: State;
}) {
  return (given: readonly Event[]) => ({
    when: (command: Command) => {
      const fold = (events: readonly Event[]) =>
        events.reduce(decider.evolve, decider.initialState);
      const run = () => decider.decide(command, fold(given));
      return {
        then: (expected: readonly Event[]) => expect(run()).toEqual(expected),
        thenThrows: (error: abstract new (...args: never[]) => Error) => expect(run).toThrow(error),
        /** The command is decided once; the same command again, after its events, throws. */
        thenThrowsOnRepeat: (error: abstract new (...args: never[]) => Error) => {
          const once = run();
          expect(() => decider.decide(command, fold([...given, ...once]))).toThrow(error);
        },
      };
    },
  });
}

/** The administrator who invites, resets and deactivates in the specs of the staff aggregates. */
export const specAdmin: Actor = { kind: 'investigator', investigatorId: 'admin-1' };

/**
 * A spec's one moment: `now` for commands, `at` as events record it, and `meta(actor)` for a
 * command sent then (by the administrator unless another actor is given).
 */
export function specClock(iso: string) {
  const now = new Date(iso);
  const meta = (actor: Actor = specAdmin) => ({ now, eventId: 'e', actor });
  return { now, at: now.toISOString(), meta };
}
