/**
 * The embedded event log. `position` is the rowid with AUTOINCREMENT, so a global position is
 * never reused, even after a purge deletes the rows of a report (checkpoints stay valid).
 */
export const schema = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  id        TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  created   INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
CREATE UNIQUE INDEX IF NOT EXISTS events_id ON events (id);
CREATE TABLE IF NOT EXISTS streams (
  stream_id     TEXT    PRIMARY KEY,
  last_revision INTEGER NOT NULL,
  deleted       INTEGER NOT NULL DEFAULT 0,
  tombstoned    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
`;
