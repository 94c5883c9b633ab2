package io.cellgate.common;

import java.util.regex.Pattern;

/** Validation of the telecom identifiers: ICCID (E.118), IMSI, MSISDN (E.164). Each check returns null when valid. */
public final class Identifiers {
    private static final Pattern ICCID = Pattern.compile("[0-9]{19,20}");
    private static final Pattern IMSI = Pattern.compile("[0-9]{15}");
    private static final Pattern MSISDN = Pattern.compile("\\+?[1-9][0-9]{6,14}");

    private Identifiers() {
    }

    public static String iccidError(String iccid) {
        String formatError = iccidFormatError(iccid);
        if (formatError != null) {
            return formatError;
        }
        return luhnValid(iccid) ? null : "Luhn check digit is wrong";
    }

    /** Only the shape of an ICCID, for range bounds, which need not be real SIMs. */
    public static String iccidFormatError(String iccid) {
        if (iccid == null || iccid.isEmpty()) {
            return "required";
        }
        return ICCID.matcher(iccid).matches() ? null : "must be 19 or 20 digits";
    }

    public static String imsiError(String imsi) {
        if (imsi == null || imsi.isEmpty()) {
            return "required";
        }
        return IMSI.matcher(imsi).matches() ? null : "must be 15 digits";
    }

    /** MSISDN is optional; when present it must be E.164 (a leading + is optional on input). */
    public static String msisdnError(String msisdn) {
        if (msisdn == null) {
            return null;
        }
        return MSISDN.matcher(msisdn).matches() ? null : "must be an E.164 number, e.g. +491701234567";
    }

    public static String normalizeMsisdn(String msisdn) {
        if (msisdn == null) {
            return null;
        }
        return msisdn.startsWith("+") ? msisdn : "+" + msisdn;
    }

    public static boolean luhnValid(String digits) {
        return luhnCheckDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    /** The Luhn check digit to append to {@code payload}. */
    public static int luhnCheckDigit(String payload) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
