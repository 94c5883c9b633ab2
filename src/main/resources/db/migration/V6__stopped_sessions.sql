-- Stopped sessions, oldest first: what the retention removes once they are past it.
CREATE INDEX data_sessions_stopped ON data_sessions (stopped_at) WHERE stopped_at IS NOT NULL;
