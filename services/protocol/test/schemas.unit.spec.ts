import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  attachmentHeaderSchema,
  messageEnvelopeSchema,
  recipientListSchema,
  submissionEnvelopeSchema,
  vaultSchema,
} from '../src/index.ts';

// Real artifacts from the known-answer vectors.
const c = (
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'test-vectors', 'protocol-v1.json'), 'utf8'),
  ) as { cases: Record<string, unknown>[] }
).cases[0]!;

const samples = [
  ['submission envelope', submissionEnvelopeSchema, c['envelope']],
  ['attachment header', attachmentHeaderSchema, c['attachmentHeader']],
  ['message envelope', messageEnvelopeSchema, (c['messages'] as unknown[])[0]],
  ['recipient list', recipientListSchema, c['recipientList']],
  ['vault', vaultSchema, (c['vault'] as { vault: unknown }).vault],
] as const;

describe.each(samples)('%s schema', (_name, schema, sample) => {
  it('accepts the real artifact', () => {
    expect(schema.safeParse(sample).success).toBe(true);
  });
  it('rejects unknown fields, another version and padded base64', () => {
    const obj = sample as Record<string, unknown>;
    expect(schema.safeParse({ ...obj, extra: true }).success).toBe(false);
    expect(schema.safeParse({ ...obj, v: 2 }).success).toBe(false);
    const key = Object.keys(obj).find(
      (k) => typeof obj[k] === 'string' && k !== 'v' && !/Id$/.test(k),
    );
    if (key)
      expect(schema.safeParse({ ...obj, [key]: `${obj[key] as string}=` }).success).toBe(false);
  });
});
