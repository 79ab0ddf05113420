import { recipientListSchema, referralModeSchema } from '@integrity-desk/protocol';
import { z } from 'zod';
import { eventParser, eventTypesOf } from '../shared/event-schema.ts';
import { questionnaireSchema } from './questionnaire.ts';

/**
 * `channel-<uuid>` streams: a recipient organisation, its questionnaire and its recipient list.
 * Both are versioned; a recipient list carries the deployment key's signature, made in the
 * administrator's browser, which whistleblowers' browsers verify before sealing to it.
 */
const id = z.string().min(1).max(128);
const at = z.iso.datetime();

/**
 * A case label: plain text an administrator defines for the channel ("fraud", "needs legal"),
 * which investigators attach to its cases. Never whistleblower content: the server reads it.
 */
export const labelSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\p{C}]+$/u, 'no control characters');
export const channelLabelsSchema = z
  .array(labelSchema)
  .max(50)
  .refine((ls) => new Set(ls).size === ls.length, 'labels must be distinct');

/**
 * The channel's acknowledgement: the first message a whistleblower reads when their report is
 * acknowledged, which the investigator may still edit before sending. Plain text the
 * administrator wrote for every report of the channel, never whistleblower content (the server
 * reads it); what is sent is sealed as a message like any other.
 */
export const ackTemplateSchema = z
  .string()
  .trim()
  .max(4000)
  // Line breaks and tabs are the text's own; no other control character.
  .regex(/^(?:[^\p{Cc}]|[\t\n\r])*$/u, 'no control characters');

// The same modes a v2 recipient list signs (Protocol step 11).
export { referralModeSchema, type ReferralMode } from '@integrity-desk/protocol';

export const deadlinesSchema = z.object({
  acknowledgeWithinDays: z.number().int().min(1).max(7),
  feedbackWithinMonths: z.number().int().min(1).max(6),
});

export { recipientListSchema, type RecipientList } from '@integrity-desk/protocol';

export const channelEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ChannelCreated'),
    data: z.object({
      channelId: id,
      name: z.string().min(1).max(200),
      deadlines: deadlinesSchema,
      by: id,
      createdAt: at,
    }),
  }),
  z.object({
    type: z.literal('ChannelQuestionnairePublished'),
    data: z.object({
      channelId: id,
      version: z.number().int().min(1),
      /**
       * Public by nature: the questions every whistleblower of the channel sees, in each of its
       * languages (version 2; version 1 was any object, upcast by questionnaireFromVersion1).
       */
      questionnaire: questionnaireSchema,
      by: id,
      publishedAt: at,
    }),
  }),
  z.object({
    type: z.literal('ChannelRecipientsPublished'),
    data: z.object({
      channelId: id,
      version: z.number().int().min(1),
      /** Signed by the deployment key in an administrator's browser (protocol recipient list). */
      recipientList: recipientListSchema,
      by: id,
      publishedAt: at,
    }),
  }),
  z.object({
    type: z.literal('ChannelLabelsDefined'),
    /** The whole set of the channel's labels from now on (replaces the previous set). */
    data: z.object({ channelId: id, labels: channelLabelsSchema, by: id, definedAt: at }),
  }),
  z.object({
    type: z.literal('ChannelAcknowledgementTemplateSet'),
    /** Empty: the desk's default text again. */
    data: z.object({ channelId: id, template: ackTemplateSchema, by: id, setAt: at }),
  }),
  z.object({
    type: z.literal('ChannelReferralModeSet'),
    /**
     * How the channel refers a report to another coalition member (SECURITY.md, Protocol step
     * 11): `consent`, the whistleblower decides (the default); `inform`, a legal duty to forward,
     * the whistleblower is told and never asked.
     */
    data: z.object({ channelId: id, mode: referralModeSchema, by: id, setAt: at }),
  }),
  z.object({
    type: z.literal('ChannelArchived'),
    data: z.object({ channelId: id, by: id, archivedAt: at }),
  }),
]);
export type ChannelEvent = z.infer<typeof channelEventSchema>;
export type ChannelDeadlines = z.infer<typeof deadlinesSchema>;
export const channelEventTypes = eventTypesOf(channelEventSchema);
export const parseChannelEvent = eventParser(channelEventSchema);
