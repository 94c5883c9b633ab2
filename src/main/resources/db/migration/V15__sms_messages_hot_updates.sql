-- A message's status changes twice after it is stored (submitted, then its outcome). sms_messages_open named status in
-- its predicate, so each change was a new entry in all five indexes of the table (no HOT update). Its predicate now
-- names finished_at, which changes once, when the message is final; and pages keep room for the updated rows.
DROP INDEX sms_messages_open;
CREATE INDEX sms_messages_open ON sms_messages (expires_at) WHERE finished_at IS NULL AND direction = 'mt';
ALTER TABLE sms_messages SET (fillfactor = 80);
