import type { Json } from '@integrity-desk/eventstore';
import { directiveDeadlines } from '../report/commands.ts';
import { addDays } from '../shared/time.ts';
import { createUpcasterRegistry, type Upcaster } from './registry.ts';

/**
 * ReportSubmitted 1 -> 2: version 1 could leave out `acknowledgementDueAt` (submissions made
 * before a channel could set its own deadline meant the Directive's 7 days from `receivedAt`);
 * version 2 always states it, so no reader has to know that rule of old events.
 */
const reportSubmittedAcknowledgementDue: Upcaster = {
  type: 'ReportSubmitted',
  fromVersion: 1,
  upcast(data) {
    const d = data as { receivedAt: string; acknowledgementDueAt?: string } & Record<string, Json>;
    if (d.acknowledgementDueAt !== undefined) return data;
    return {
      ...d,
      acknowledgementDueAt: addDays(d.receivedAt, directiveDeadlines.acknowledgeWithinDays),
    };
  },
};

/** Every upcaster of this code base, applied on every read of the log (deciders, projections). */
export const upcasters = createUpcasterRegistry([reportSubmittedAcknowledgementDue]);
