import type { Json } from '@integrity-desk/eventstore';
import { questionnaireFromVersion1 } from '../channel/questionnaire-v1.ts';
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

/**
 * ChannelQuestionnairePublished 1 -> 2: version 1's questionnaire was any object, its questions
 * in one language; version 2 writes each question and option per language (channel/
 * questionnaire.ts). A version 1 questionnaire becomes the same questions in English, the only
 * language an administrator could write them in, each option its own key.
 */
const questionnaireInLanguages: Upcaster = {
  type: 'ChannelQuestionnairePublished',
  fromVersion: 1,
  upcast(data) {
    const d = data as { questionnaire?: unknown } & Record<string, Json>;
    return { ...d, questionnaire: questionnaireFromVersion1(d.questionnaire) as unknown as Json };
  },
};

/** Every upcaster of this code base, applied on every read of the log (deciders, projections). */
export const upcasters = createUpcasterRegistry([
  reportSubmittedAcknowledgementDue,
  questionnaireInLanguages,
]);
