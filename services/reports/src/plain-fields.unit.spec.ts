import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channelEventSchema } from './channel/index.ts';
import { deploymentEventSchema } from './deployment/index.ts';
import { investigatorEventSchema } from './investigator/index.ts';
import { eventFields, plainFields } from './plain-fields.ts';
import { reportEventSchema } from './report/events.ts';
import { accessEventSchema } from './access/events.ts';
import { purgeEventSchema } from './retention/events.ts';

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

const schemas = [
  reportEventSchema,
  purgeEventSchema,
  accessEventSchema,
  investigatorEventSchema,
  channelEventSchema,
  deploymentEventSchema,
];

describe('plain fields of events', () => {
  it('SECURITY.md lists exactly the plain fields the code declares', () => {
    const table = securityTable();
    const sort = (r: Record<string, readonly string[]>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort()]));
    expect(sort(table)).toEqual(sort(plainFields));
  });

  it('declared plain and sealed fields cover each event schema exactly', () => {
    const declared: string[] = [];
    for (const schema of schemas)
      for (const option of schema.options as readonly z.ZodObject[]) {
        const shape = option.shape as Record<string, z.ZodType>;
        const type = (shape['type'] as z.ZodLiteral<string>).value;
        declared.push(type);
        const keys = Object.keys((shape['data'] as z.ZodObject).shape).sort();
        const fields = eventFields[type as keyof typeof eventFields];
        expect(fields, type).toBeDefined();
        const topLevel = new Set([
          ...fields.plain.filter((f) => !f.includes('.')),
          ...fields.sealed,
        ]);
        expect([...topLevel].sort(), type).toEqual(keys);
        for (const f of fields.plain.filter((p) => p.includes('.')))
          expect(fields.sealed, `${type}.${f}`).toContain(f.split('.')[0]);
      }
    // ReportPurged is in two unions: the report stream's and the purge record's.
    expect([...new Set(declared)].sort()).toEqual(Object.keys(eventFields).sort());
  });
});
