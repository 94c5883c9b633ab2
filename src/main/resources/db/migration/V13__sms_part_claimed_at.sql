-- When a part was claimed to be submitted (its replica writes it to the SMSC at once): a part sent without learning
-- its SMSC id counts as submitted from then, so that its receipt, which cannot have come before, can be matched to it.
ALTER TABLE sms_parts ADD COLUMN claimed_at timestamptz;
