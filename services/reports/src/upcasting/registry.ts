import type { Json, RecordedEvent } from '@integrity-desk/eventstore';

/**
 * Event schema changes never edit stored events: an event is read in the shape it was written
 * in and brought up to today's shape by upcasters, one step at a time, before any decider or
 * projection sees it. Each stored event carries its schema version in its metadata
 * (`{ "v": n }`); an event without one is version 1 (everything written before versions were
 * recorded). The current version of a type is 1 + the number of its upcasters.
 */
export interface Upcaster {
  readonly type: string;
  /** The version this step reads; it returns version `fromVersion + 1`. */
  readonly fromVersion: number;
  /** Pure. Must accept every shape ever written as `fromVersion`. */
  readonly upcast: (data: Json) => Json;
}

export interface UpcasterRegistry {
  /** The version an event of `type` is written with today. */
  currentVersion(type: string): number;
  /** The metadata an event of `type` is appended with (its schema version). */
  metadataFor(type: string): Json;
  /** The event in today's shape: the same object when it is current already. */
  upcast(event: RecordedEvent): RecordedEvent;
}

/** The version a stored event was written in: `metadata.v`, or 1 without one. */
export function storedVersion(event: Pick<RecordedEvent, 'metadata'>): number {
  const m = event.metadata;
  if (m !== null && typeof m === 'object' && !Array.isArray(m)) {
    const v = m['v'];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1) return v;
  }
  return 1;
}

/**
 * A registry of upcasters by event type and version. Refuses a gap or a duplicate step, so a
 * chain always leads from version 1 to the current one.
 */
export function createUpcasterRegistry(steps: readonly Upcaster[]): UpcasterRegistry {
  const byType = new Map<string, Upcaster[]>();
  for (const step of steps) byType.set(step.type, [...(byType.get(step.type) ?? []), step]);
  for (const [type, chain] of byType) {
    chain.sort((a, b) => a.fromVersion - b.fromVersion);
    chain.forEach((step, i) => {
      if (step.fromVersion !== i + 1)
        throw new Error(`upcasters of ${type}: expected a step from version ${i + 1}`);
    });
  }
  const currentVersion = (type: string) => (byType.get(type)?.length ?? 0) + 1;
  return {
    currentVersion,
    metadataFor: (type) => ({ v: currentVersion(type) }),
    upcast(event) {
      const chain = byType.get(event.type);
      if (!chain) return event;
      const from = storedVersion(event);
      if (from > chain.length)
        return from === chain.length + 1 ? event : refuse(event.type, from, chain.length + 1);
      let data = event.data;
      for (const step of chain.slice(from - 1)) data = step.upcast(data);
      return { ...event, data };
    },
  };
}

function refuse(type: string, version: number, current: number): never {
  // Written by a newer version of the code: reading it as today's shape would be a guess.
  throw new Error(
    `event ${type} is version ${version}, newer than this code reads (${current}): upgrade`,
  );
}
