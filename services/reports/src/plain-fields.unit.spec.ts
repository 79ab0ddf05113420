import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { eventFields, eventSchemas, plainFields } from './plain-fields.ts';

/** Rows of the table under "## Plain fields of events": | `Event` | `a`, `b` | `c` | */
function securityTable(): Record<string, string[]> {
  const text = readFileSync(resolve(import.meta.dirname, '../../../SECURITY.md'), 'utf8');
  const start = text.indexOf('## Plain fields of events');
  expect(start).toBeGreaterThan(-1);
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end === -1 ? undefined : end);
  const rows: Record<string, string[]> = {};
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([A-Za-z]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!name) continue;
    rows[name] = [...(cells[2] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
  }
  return rows;
}

describe('plain fields of events', () => {
  it('SECURITY.md lists exactly the plain fields the code declares', () => {
    const table = securityTable();
    const sort = (r: Record<string, readonly string[]>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort()]));
    expect(sort(table)).toEqual(sort(plainFields));
  });

  it('names every field of every event once, as plain or sealed, and only fields it has', () => {
    for (const union of eventSchemas)
      for (const option of union.options as readonly z.ZodObject[]) {
        const shape = option.shape as Record<string, z.ZodType>;
        const type = (shape['type'] as z.ZodLiteral<string>).value as keyof typeof eventFields;
        const data = shape['data'] as z.ZodObject;
        const fields = eventFields[type];
        const topLevel = [...fields.plain.filter((f) => !f.includes('.')), ...fields.sealed];
        expect(topLevel.sort(), type).toEqual(Object.keys(data.shape).sort());
        // A plain part of a container names a field the container's schema has.
        for (const path of fields.plain.filter((p) => p.includes('.'))) {
          const [head, ...rest] = path.split('.');
          // `shares[].recipientId`: a part of each element of an array container.
          const field = head?.replace(/\[\]$/, '');
          expect(fields.sealed, `${type}.${path}`).toContain(field);
          let schema: z.ZodType = (data.shape as Record<string, z.ZodType>)[field as string]!;
          while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
          if (head !== field) schema = (schema as z.ZodArray<z.ZodType>).element;
          for (const part of rest) {
            while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
            schema = (schema as z.ZodObject).shape[part] as z.ZodType;
            expect(schema, `${type}.${path}`).toBeDefined();
          }
        }
      }
  });

  it('reads a field of a ciphertext container as sealed, with its plain parts', () => {
    // Fields that hold what a person wrote are sealed; their routing parts stay plain.
    expect(eventFields.MessagePosted.sealed).toEqual(['envelope']);
    expect(eventFields.InternalNoteAdded.sealed).toEqual(['note']);
    expect(eventFields.ReportReferred.sealed).toEqual(['referral']);
    expect(eventFields.EvidenceAdded.sealed).toEqual(['header']);
    expect(eventFields.InvestigatorTotpReenrolled).toEqual({
      plain: ['investigatorId', 'sealedTotpSecret.keyId', 'reenrolledAt'],
      sealed: ['sealedTotpSecret'],
    });
  });
});
