-- The SMS limit's thresholds, recorded once per period as the data limit's are: the warning thresholds (percent)
-- already announced, and when the limit was reached (count_sms, R__usage.sql; the events in R__events.sql).
ALTER TABLE usage_counters ADD COLUMN sms_warned integer[] NOT NULL DEFAULT '{}';
ALTER TABLE usage_counters ADD COLUMN sms_limit_reached_at timestamptz;
