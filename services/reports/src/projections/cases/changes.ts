import type Database from 'better-sqlite3';
import { readCaseStates } from './projection.ts';
import type { CaseListState } from './row.ts';

/** What changed in the case list after `since` (a log position), in position order. */
export interface CaseListChanges {
  readonly states: readonly CaseListState[];
  /** The highest position seen: pass it as `since` next time. */
  readonly position: number;
}

/** Reads the case-list rows whose position is past `since` (all of them from 0). */
export function readCaseListChanges(db: Database.Database, since: number): CaseListChanges {
  const states = readCaseStates(db, 'position > ?', since);
  return { states, position: states.at(-1)?.position ?? since };
}
