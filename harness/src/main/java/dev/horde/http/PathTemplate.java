package dev.horde.http;

/** Fills the {@code {placeholders}} of a path template with values, percent-encoded as path segments. */
final class PathTemplate {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathTemplate() {
    }

    /**
     * {@code template} with its placeholders replaced, in order, by {@code values}.
     *
     * @throws IllegalArgumentException if the counts of placeholders and values differ
     */
    static String expand(String template, Object[] values) {
        int open = template.indexOf('{');
        if (open < 0 && values.length == 0) {
            return template.startsWith("/") ? template : "/" + template;
        }
        StringBuilder path = new StringBuilder(template.length() + 16);
        if (!template.startsWith("/")) {
            path.append('/');
        }
        int used = 0;
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0) {
                break;
            }
            if (used == values.length) {
                throw new IllegalArgumentException("path [" + template + "] has more placeholders than the "
                        + values.length + " value(s) given");
            }
            path.append(template, from, open);
            encodeSegment(String.valueOf(values[used++]), path);
            from = close + 1;
            open = template.indexOf('{', from);
        }
        if (used < values.length) {
            throw new IllegalArgumentException("path [" + template + "] has " + used + " placeholder(s) but "
                    + values.length + " values were given");
        }
        return path.append(template, from, template.length()).toString();
    }

    /** Appends {@code value} with every character that may not appear in a path segment percent-encoded (UTF-8). */
    static void encodeSegment(String value, StringBuilder out) {
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }
}
