-- A tenant's usage period starts at 00:00 UTC on its billing day of each month (1-28); 1, the default, is the UTC
-- calendar month. The decision view carries it, so that the network plane counts each SIM in its tenant's period.
-- Counters are named by their period's first day.
ALTER TABLE tenants ADD COLUMN billing_day smallint NOT NULL DEFAULT 1 CHECK (billing_day BETWEEN 1 AND 28);
ALTER TABLE sim_decisions ADD COLUMN billing_day smallint NOT NULL DEFAULT 1;
ALTER TABLE usage_counters DROP CONSTRAINT usage_counters_period_check;
ALTER TABLE usage_counters ADD CONSTRAINT usage_counters_period_check CHECK (extract(day FROM period) BETWEEN 1 AND 28);
