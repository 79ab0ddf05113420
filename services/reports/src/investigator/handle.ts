import type { Decider } from '../shared/handle.ts';
import type { InvestigatorCommand } from './commands.ts';
import { decideInvestigator } from './decide.ts';
import { parseInvestigatorEvent, type InvestigatorEvent } from './events.ts';
import { evolveInvestigator } from './evolve.ts';
import { initialInvestigatorState, type InvestigatorState } from './state.ts';

export const investigatorStream = (investigatorId: string) => `investigator-${investigatorId}`;

export const investigatorDecider: Decider<
  InvestigatorCommand,
  InvestigatorEvent,
  InvestigatorState
> = {
  decide: decideInvestigator,
  evolve: evolveInvestigator,
  initialState: initialInvestigatorState,
  parse: parseInvestigatorEvent,
};
