package osbox.workload;

import java.util.Locale;

/** A small JSON writer: objects and arrays in the order written, strings escaped. */
final class Json {
    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;
    private int depth;
    private boolean first = true;

    Json(boolean pretty) {
        this.pretty = pretty;
    }

    Json begin() {
        return open('{');
    }

    Json end() {
        return close('}');
    }

    Json beginArray() {
        return open('[');
    }

    Json endArray() {
        return close(']');
    }

    /** Starts member {@code name} of an object (follow with a value or begin). */
    Json key(String name) {
        comma();
        string(name);
        out.append(pretty ? ": " : ":");
        keyPending = true;
        return this;
    }

    private boolean keyPending;

    Json value(String s) {
        comma();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    Json value(long v) {
        comma();
        out.append(v);
        return this;
    }

    Json value(boolean v) {
        comma();
        out.append(v);
        return this;
    }

    /** A number with up to six decimals (JSON has no NaN or infinities: those become 0). */
    Json value(double v) {
        comma();
        out.append(number(v));
        return this;
    }

    Json field(String name, String v) {
        return key(name).value(v);
    }

    Json field(String name, long v) {
        return key(name).value(v);
    }

    Json field(String name, boolean v) {
        return key(name).value(v);
    }

    Json field(String name, double v) {
        return key(name).value(v);
    }

    /** A number already formatted (such as "12.345"). */
    Json raw(String name, String number) {
        key(name);
        comma();
        out.append(number);
        return this;
    }

    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private Json open(char c) {
        comma();
        out.append(c);
        depth++;
        first = true;
        return this;
    }

    private Json close(char c) {
        depth--;
        if (!first && pretty) {
            newline();
        }
        out.append(c);
        first = false;
        return this;
    }

    private void comma() {
        if (keyPending) {
            keyPending = false;
            first = false;
            return;
        }
        if (!first) {
            out.append(',');
        }
        if (pretty && depth > 0) {
            newline();
        }
        first = false;
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(Math.max(0, depth)));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
