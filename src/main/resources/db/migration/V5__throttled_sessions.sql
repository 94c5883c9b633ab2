-- Live sessions slowed down by a CoA-Request: looked at every minute, so that a session whose SIM is no longer at its
-- limit (a new period) is lifted.
CREATE INDEX data_sessions_throttled ON data_sessions (iccid) WHERE stopped_at IS NULL AND throttle IS NOT NULL;
