package io.cellgate.network.charging;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The addresses of parties as core networks write them ({@code tel:+4940123456}, {@code sip:+4940123456@ims.example;
 * user=phone}, {@code msisdn-4940123456}, a short code, an alphanumeric sender), made comparable with a policy's
 * numbers: E.164 with '+', digits, or the name as given.
 */
final class Numbers {
    private static final Pattern ADDRESS = Pattern.compile("^\\+?[0-9]{1,20}$|^[A-Za-z0-9 ]{1,11}$");

    private Numbers() {
    }

    static String normalised(JsonFields fields, String address, String path) {
        String value = address;
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("msisdn-")) {
            value = "+" + value.substring(7);
        } else if (lower.startsWith("tel:") || lower.startsWith("sip:") || lower.startsWith("sips:")) {
            value = value.substring(value.indexOf(':') + 1);
            int end = indexOfAny(value, '@', ';');
            value = end < 0 ? value : value.substring(0, end);
        }
        if (!ADDRESS.matcher(value).matches()) {
            fields.refuse(path, "must be a number (E.164, tel: or sip: URI, msisdn-...) or a short code");
            return null;
        }
        return value;
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
