import type { z } from 'zod';

/** A stream kind's events as one zod union of `{ type: literal, data }` objects. */
type EventUnion = z.ZodDiscriminatedUnion<
  readonly z.ZodObject<{ type: z.ZodLiteral<string>; data: z.ZodType }>[]
>;

/** Every event type the union defines, in its order: the list projections and tests check against. */
export function eventTypesOf<U extends EventUnion>(union: U): readonly z.infer<U>['type'][] {
  return union.options.map((o) => o.shape.type.value);
}

/**
 * A stored event's parser for a decider (shared/handle.ts): its type and data, checked against
 * the union; throws a ZodError on anything malformed.
 */
export function eventParser<U extends EventUnion>(union: U) {
  return (type: string, data: unknown): z.infer<U> => union.parse({ type, data });
}
