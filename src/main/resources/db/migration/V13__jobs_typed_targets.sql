-- Jobs target keys of any kind, not only ICCIDs: the kind is stored with the job, and a failure names its target.
ALTER TABLE jobs ADD COLUMN target_kind text NOT NULL DEFAULT 'iccid';
ALTER TABLE jobs ALTER COLUMN target_kind DROP DEFAULT;
ALTER TABLE job_failures RENAME COLUMN iccid TO target;

-- A tenant's jobs, newest first (GET /api/v1/jobs).
CREATE INDEX jobs_by_tenant ON jobs (tenant_id, created_at DESC, id DESC);
