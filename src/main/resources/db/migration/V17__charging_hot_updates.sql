-- Online charging updates a session's row and its reservation on every invocation: both stay on their page (HOT
-- updates) when no indexed column changes and the page has room. The live sessions are found by when they were
-- created (never updated) instead of when they were last updated.
DROP INDEX charging_sessions_live;
CREATE INDEX charging_sessions_live ON charging_sessions (created_at) WHERE released_at IS NULL;
ALTER TABLE charging_sessions SET (fillfactor = 70);
ALTER TABLE charging_reservations SET (fillfactor = 70);
