package io.cellgate.common.json;

/** The API speaks snake_case; Java speaks camelCase. */
public final class Naming {
    private Naming() {
    }

    public static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
