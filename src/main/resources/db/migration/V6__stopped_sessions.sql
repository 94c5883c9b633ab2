-- What the retention removes, oldest first: stopped sessions, and refused access requests by time.
CREATE INDEX data_sessions_stopped ON data_sessions (stopped_at) WHERE stopped_at IS NOT NULL;
CREATE INDEX auth_events_by_time ON auth_events (at);
