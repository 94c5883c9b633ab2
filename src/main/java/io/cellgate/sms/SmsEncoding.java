package io.cellgate.sms;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a message's user data is encoded, and the SMPP data_coding it is submitted with (SMPP 3.4, 5.2.19): the SMSC's
 * default alphabet (GSM 7-bit), UCS-2, or octets. Replies may also come in IA5 (ASCII) or Latin-1, which Cellgate
 * never sends.
 */
public enum SmsEncoding {
    @JsonProperty("gsm7") GSM7("gsm7", 0x00, 160, 153),
    @JsonProperty("ucs2") UCS2("ucs2", 0x08, 70, 67),
    @JsonProperty("binary") BINARY("binary", 0x04, 140, 134),
    @JsonProperty("ia5") IA5("ia5", 0x01, 160, 153),
    @JsonProperty("latin1") LATIN1("latin1", 0x03, 140, 134);

    private final String dbValue;
    private final int dataCoding;
    private final int singleCapacity;
    private final int partCapacity;

    SmsEncoding(String dbValue, int dataCoding, int singleCapacity, int partCapacity) {
        this.dbValue = dbValue;
        this.dataCoding = dataCoding;
        this.singleCapacity = singleCapacity;
        this.partCapacity = partCapacity;
    }

    public String dbValue() {
        return dbValue;
    }

    /** The data_coding of a message in this encoding, unless a binary message names its own. */
    public int dataCoding() {
        return dataCoding;
    }

    /** What one message without a UDH holds: septets, UTF-16 units or octets. */
    int singleCapacity() {
        return singleCapacity;
    }

    /** What one part of a concatenated message holds, next to its 6-octet UDH. */
    int partCapacity() {
        return partCapacity;
    }

    public static SmsEncoding fromDb(String value) {
        for (SmsEncoding encoding : values()) {
            if (encoding.dbValue.equals(value)) {
                return encoding;
            }
        }
        throw new IllegalArgumentException("no encoding " + value);
    }

    /** The text encoding a data_coding names (MO), or BINARY for any other. */
    static SmsEncoding ofDataCoding(int dataCoding) {
        return switch (dataCoding) {
            case 0x00, 0xF0 -> GSM7;
            case 0x01 -> IA5;
            case 0x03 -> LATIN1;
            case 0x08 -> UCS2;
            default -> BINARY;
        };
    }
}
