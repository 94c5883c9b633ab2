-- Devices' replies may come in IA5 (data_coding 1) or Latin-1 (3) as well; they were read as GSM 7-bit.
ALTER TABLE sms_messages DROP CONSTRAINT sms_messages_encoding_check,
    ADD CONSTRAINT sms_messages_encoding_check CHECK (encoding IN ('gsm7', 'ucs2', 'binary', 'ia5', 'latin1'));
