package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.apiguardian.api.API;

/** A small JSON writer, pretty-printing or compact: enough for summaries, with correct string escaping and no NaN. */
@API(status = INTERNAL, since = "0.1")
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;
    private int depth;
    private boolean first = true;
    private boolean afterName;

    /** A pretty-printing writer, for files people read. */
    public JsonWriter() {
        this(true);
    }

    private JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    /** A writer of one line without spaces, for what goes over the wire. */
    public static JsonWriter compact() {
        return new JsonWriter(false);
    }

    public JsonWriter beginObject() {
        return open('{');
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        return open('[');
    }

    public JsonWriter endArray() {
        return close(']');
    }

    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(pretty ? ": " : ":");
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) {
        separateValue();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    public JsonWriter value(long value) {
        separateValue();
        out.append(value);
        return this;
    }

    public JsonWriter value(boolean value) {
        separateValue();
        out.append(value);
        return this;
    }

    /** A number rounded to three decimals; NaN and infinities become null. */
    public JsonWriter value(double value) {
        separateValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.append("null");
        } else {
            out.append(BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        }
        return this;
    }

    /** A number, as precise as a double holds it when {@code precise}, else as {@link #value(double)} writes it. */
    public JsonWriter value(double value, boolean precise) {
        return precise ? precise(value) : value(value);
    }

    /** A number as precise as a double holds it; NaN and infinities become null. */
    public JsonWriter precise(double value) {
        separateValue();
        out.append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    @Override
    public String toString() {
        return pretty ? out + "\n" : out.toString();
    }

    private JsonWriter open(char bracket) {
        separateValue();
        out.append(bracket);
        depth++;
        first = true;
        return this;
    }

    private JsonWriter close(char bracket) {
        depth--;
        if (!first) {
            newline();
        }
        out.append(bracket);
        first = false;
        return this;
    }

    /** Before a value: a comma and a new line inside arrays, nothing right after a name. */
    private void separateValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        separate();
    }

    private void separate() {
        if (depth == 0) {
            first = false;
            return;
        }
        if (!first) {
            out.append(',');
        }
        newline();
        first = false;
    }

    private void newline() {
        if (!pretty) {
            return;
        }
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
