-- A webhook delivery no longer references its event by a foreign key: queueing one (in the transaction of every
-- change, up to 100,000 in a bulk action) then checked and share-locked its event row, and kept an index for the
-- cascade. Deliveries are removed by their own age instead (WebhookRetention, with the events' retention period), and
-- a delivery whose event is gone is not sent.
ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_event_id_fkey;
DROP INDEX webhook_deliveries_by_event;
