import type { RecordedEvent } from '@integrity-desk/eventstore';
import type Database from 'better-sqlite3';

/** One SQL statement a projection wants executed, with its parameters. */
export interface Write {
  readonly sql: string;
  readonly params: readonly (string | number | bigint | null)[];
  /**
   * `sql` is an `INSERT ... VALUES (?, ...)` of one row, ending with its tuple: consecutive
   * such writes with the same sql may run as one multi-row INSERT (a rebuild's million audit
   * rows then cost a fraction of the statement calls).
   */
  readonly mergeable?: true;
}

interface ProjectionBase {
  readonly name: string;
  readonly version: number;
  readonly ddl: string;
  canHandle(e: RecordedEvent): boolean;
}

/**
 * A read model: its tables (`ddl`), which events it cares about, and a pure function from one
 * event to the writes it implies. Bump `version` when the ddl or evolve changes: the runner then
 * drops the tables the ddl creates and rebuilds them from the start of the log.
 */
export interface WriteProjection extends ProjectionBase {
  readonly kind?: 'writes';
  evolve(e: RecordedEvent): readonly Write[];
}

/** What one batch did to the state of one key: `undefined` is "no row". */
export interface Change<S> {
  readonly key: string;
  readonly before: S | undefined;
  readonly after: S | undefined;
}

/**
 * A read model of one state per key (a report's queue row), folded in memory: for each batch
 * the runner loads the state of every key the batch touches (`load`, the one read), folds the
 * batch's events over them with the pure `evolve`, and writes what changed with the pure
 * `writes`. A report's ten events in one batch then cost one row write, not ten, and derived
 * data (counters) is maintained from each before/after pair in the same transaction.
 * `evolve` must not mutate the state it is given: `before` is compared with `after`.
 */
export interface FoldProjection<S> extends ProjectionBase {
  readonly kind: 'fold';
  key(e: RecordedEvent): string;
  evolve(state: S | undefined, e: RecordedEvent): S | undefined;
  load(db: Database.Database, keys: readonly string[]): ReadonlyMap<string, S>;
  writes(changes: readonly Change<S>[]): readonly Write[];
}

export type Projection = WriteProjection | FoldProjection<unknown>;

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
