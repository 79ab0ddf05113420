import type { z } from 'zod';
import { ProblemError } from './problem.ts';

/** Parses a body or query with zod; a failure is a fixed 400, never the zod message. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ProblemError('invalidRequest');
  return result.data;
}
