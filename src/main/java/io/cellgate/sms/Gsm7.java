package io.cellgate.sms;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038, 6.2.1), one septet per octet as SMPP
 * carries it (the SMSC packs them). An extension character is two septets, ESC and its code, and must never be split
 * between two parts of a message. National language shift tables are not used: a text they would cover goes as UCS-2.
 */
final class Gsm7 {
    static final int ESCAPE = 0x1B;
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final int[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private Gsm7() {
    }

    /** The septets of one character (1 or 2), or 0 when the alphabet does not have it. */
    static int septets(int codePoint) {
        if (codePoint != ESCAPE && codePoint < 0x10000 && BASIC.indexOf(codePoint) >= 0) {
            return 1;
        }
        return codePoint < 0x10000 && EXTENSION_CHARS.indexOf(codePoint) >= 0 ? 2 : 0;
    }

    /** The index of the first character the alphabet does not have, or -1 when it has them all. */
    static int firstUnencodable(String text) {
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (septets(text.codePointAt(i)) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The septets of text, one per octet; every character must be encodable. */
    static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
            } else {
                int extension = EXTENSION_CHARS.indexOf(c);
                if (extension < 0) {
                    throw new IllegalArgumentException("not in the GSM 7-bit alphabet: U+" + Integer.toHexString(c));
                }
                out.write(ESCAPE);
                out.write(EXTENSION_CODES[extension]);
            }
        }
        return out.toByteArray();
    }

    /**
     * The text of septets (one per octet). A septet above 0x7F, an unknown extension or a trailing ESC is shown as
     * the replacement character rather than refused: a device's reply is kept whatever it holds.
     */
    static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0xFF;
            if (septet > 0x7F) {
                text.append('\uFFFD');
            } else if (septet != ESCAPE) {
                text.append(BASIC.charAt(septet));
            } else if (i + 1 < septets.length) {
                text.append(extension(septets[++i] & 0xFF));
            } else {
                text.append('\uFFFD');
            }
        }
        return text.toString();
    }

    private static char extension(int code) {
        for (int i = 0; i < EXTENSION_CODES.length; i++) {
            if (EXTENSION_CODES[i] == code) {
                return EXTENSION_CHARS.charAt(i);
            }
        }
        return '\uFFFD';
    }
}
