-- The last CoA-Request (RFC 5176) Cellgate sent to slow a session down: its reason (data_limit_reached), the rate in
-- kbit/s, and the outcome as for disconnects (state sending, ack, nak with error_cause, timeout; attempts; at).
ALTER TABLE data_sessions ADD COLUMN throttle jsonb;
