package io.cellgate.network.radius.codec;

/** The RADIUS attribute types Cellgate reads or writes (RFC 2865, 2866, 2869, 3576/5176, 4849). */
public final class AttributeType {
    public static final int USER_NAME = 1;
    public static final int NAS_IP_ADDRESS = 4;
    public static final int FRAMED_IP_ADDRESS = 8;
    public static final int REPLY_MESSAGE = 18;
    public static final int CLASS = 25;
    public static final int VENDOR_SPECIFIC = 26;
    public static final int CALLED_STATION_ID = 30;
    public static final int CALLING_STATION_ID = 31;
    public static final int NAS_IDENTIFIER = 32;
    public static final int ACCT_STATUS_TYPE = 40;
    public static final int ACCT_INPUT_OCTETS = 42;
    public static final int ACCT_OUTPUT_OCTETS = 43;
    public static final int ACCT_SESSION_ID = 44;
    public static final int ACCT_TERMINATE_CAUSE = 49;
    public static final int ACCT_INPUT_GIGAWORDS = 52;
    public static final int ACCT_OUTPUT_GIGAWORDS = 53;
    public static final int MESSAGE_AUTHENTICATOR = 80;
    public static final int ACCT_INTERIM_INTERVAL = 85;
    public static final int NAS_FILTER_RULE = 92;
    public static final int ERROR_CAUSE = 101;

    /** 3GPP's vendor id (TS 29.061 §16.4.7) and the sub-attributes read from it. */
    public static final int VENDOR_3GPP = 10415;
    public static final int THREE_GPP_IMSI = 1;
    public static final int THREE_GPP_IMEISV = 20;
    public static final int THREE_GPP_RAT_TYPE = 21;

    private AttributeType() {
    }
}
