import type { RecordedEvent } from '@integrity-desk/eventstore';

/** One SQL statement a projection wants executed, with its parameters. */
export interface Write {
  readonly sql: string;
  readonly params: readonly (string | number | bigint | null)[];
}

/**
 * A read model: its tables (`ddl`), which events it cares about, and a pure function from one
 * event to the writes it implies. Bump `version` when the ddl or evolve changes: the runner then
 * drops the tables the ddl creates and rebuilds them from the start of the log.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly ddl: string;
  canHandle(e: RecordedEvent): boolean;
  evolve(e: RecordedEvent): readonly Write[];
}

/** Tables and indexes a ddl creates, so a rebuild can drop exactly them. */
export function createdObjects(ddl: string): { tables: string[]; indexes: string[] } {
  const names = (kind: string) =>
    [
      ...ddl.matchAll(
        new RegExp(
          `CREATE\\s+(?:UNIQUE\\s+)?${kind}\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_][A-Za-z0-9_]*)`,
          'gi',
        ),
      ),
    ].map((m) => m[1] as string);
  return { tables: names('TABLE'), indexes: names('INDEX') };
}

/** The ddl's statements minus its CREATE INDEX ones (tables only). */
export function withoutIndexes(ddl: string): string {
  return ddl
    .split(';')
    .filter((statement) => !/^\s*CREATE\s+(UNIQUE\s+)?INDEX/i.test(statement))
    .join(';');
}
