import { sealedDeploymentKeySchema } from '@integrity-desk/protocol';
import { z } from 'zod';
import { exportEventSchema } from './access/case-list-export.ts';
import { accessEventSchema } from './access/events.ts';
import { channelEventSchema } from './channel/index.ts';
import { deploymentEventSchema } from './deployment/index.ts';
import { investigatorEventSchema, sealedTotpSecretSchema } from './investigator/index.ts';
import { reportEventSchema } from './report/events.ts';
import { notificationEventSchema } from './notifications/events.ts';
import { reminderEventSchema } from './reminders/events.ts';
import { purgeEventSchema } from './retention/events.ts';
import { statisticsEventSchema } from './statistics/events.ts';
import {
  attachmentHeaderSchema,
  messageEnvelopeSchema,
  referralSharesSchema,
  reportKeyShareSchema,
  sealedSchema,
  submissionEnvelopeSchema,
  vaultSchema,
} from './shared/sealed.ts';

/** Every stream's event union: what the server writes. */
export const eventSchemas = [
  reportEventSchema,
  purgeEventSchema,
  accessEventSchema,
  exportEventSchema,
  investigatorEventSchema,
  channelEventSchema,
  deploymentEventSchema,
  statisticsEventSchema,
  reminderEventSchema,
  notificationEventSchema,
] as const;

type EventType = z.infer<(typeof eventSchemas)[number]>['type'];

/**
 * The ciphertext containers an event field can be, each with the parts of it the server can
 * still read (dotted below the field's name). A field of any other schema is plain. So an event
 * added with `sealedSchema`, a protocol envelope or a vault is sealed where it should be, with no
 * second list to keep; a new kind of container is added here, with its plain parts.
 */
const ciphertext = new Map<z.ZodType, readonly string[]>([
  [
    submissionEnvelopeSchema,
    ['whistleblower.locator', 'whistleblower.signPublicKey', 'whistleblower.boxPublicKey'],
  ],
  [messageEnvelopeSchema, []],
  [attachmentHeaderSchema, []],
  [sealedSchema, []],
  [reportKeyShareSchema, ['boxPublicKey']],
  // Each share's ids (report, recipient, sharer) and the recipient's listed box key are plain.
  [referralSharesSchema, ['[].recipientId', '[].boxPublicKey']],
  [vaultSchema, ['signPublicKey', 'boxPublicKey']],
  [sealedTotpSecretSchema, ['keyId']],
  [sealedDeploymentKeySchema, ['v', 'signPublicKey', 'administratorId']],
]);

const unwrapped = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional || schema instanceof z.ZodNullable
    ? unwrapped(schema.unwrap() as z.ZodType)
    : schema;

interface EventFields {
  readonly plain: readonly string[];
  readonly sealed: readonly string[];
}

function fieldsOf(data: z.ZodObject): EventFields {
  const plain: string[] = [];
  const sealed: string[] = [];
  for (const [name, schema] of Object.entries(data.shape as Record<string, z.ZodType>)) {
    const inside = ciphertext.get(unwrapped(schema));
    if (inside === undefined) plain.push(name);
    else {
      sealed.push(name);
      // `[]` parts are of each element of an array container: `shares[].recipientId`.
      plain.push(...inside.map((part) => `${name}${part.startsWith('[]') ? '' : '.'}${part}`));
    }
  }
  return { plain, sealed };
}

/**
 * What the server can read in each event, read off the zod schemas: `plain` lists every field
 * that is not ciphertext (dotted paths for plain parts inside a sealed container); `sealed` the
 * fields that hold ciphertext. SECURITY.md "Plain fields of events" must say exactly this: a
 * test parses its table and compares, so a new event, or a new plain field, is a change to that
 * table in the same commit.
 */
export const eventFields: Record<EventType, EventFields> = Object.fromEntries(
  eventSchemas.flatMap((union) =>
    (union.options as readonly z.ZodObject[]).map((option) => {
      const shape = option.shape as { type: z.ZodLiteral<string>; data: z.ZodObject };
      return [shape.type.value, fieldsOf(shape.data)] as const;
    }),
  ),
) as Record<string, EventFields> as Record<EventType, EventFields>;

/** Every event's plain fields, as the SECURITY.md table lists them. */
export const plainFields: Record<EventType, readonly string[]> = Object.fromEntries(
  Object.entries(eventFields).map(([type, f]) => [type, f.plain]),
) as Record<EventType, readonly string[]>;
