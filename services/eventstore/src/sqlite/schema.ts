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
-- Only deleted and tombstoned streams have a row here (their events are gone, so their last
-- revision must be remembered). A live stream's head is max(revision) from the index above,
-- which keeps an append to one index and one table page set: fewer pages per fsync.
CREATE TABLE IF NOT EXISTS deleted_streams (
  stream_id     TEXT    PRIMARY KEY,
  last_revision INTEGER NOT NULL,
  tombstoned    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
`;
