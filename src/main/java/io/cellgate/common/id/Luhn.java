package io.cellgate.common.id;

/** The Luhn check digit of ICCIDs (E.118) and IMEIs. */
public final class Luhn {
    private Luhn() {
    }

    /** Whether the last digit of {@code digits} is the Luhn check digit of the ones before it. */
    public static boolean valid(String digits) {
        return checkDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    /** The Luhn check digit to append to {@code payload} (digits only). */
    public static int checkDigit(String payload) {
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
