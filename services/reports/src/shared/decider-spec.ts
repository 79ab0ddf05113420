import { expect } from 'vitest';

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
      const run = () => decider.decide(command, given.reduce(decider.evolve, decider.initialState));
      return {
        then: (expected: readonly Event[]) => expect(run()).toEqual(expected),
        thenThrows: (error: abstract new (...args: never[]) => Error) => expect(run).toThrow(error),
      };
    },
  });
}
