package osbox.workload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The reports' JSON writer: Jackson's streaming generator behind the few
 * calls the reports make, objects and arrays written in the order called,
 * straight to a {@link Writer} (nothing is kept). Pretty output puts every
 * member and element on a line of its own, indented by two spaces, with
 * {@code ": "} after a key. A write that fails throws
 * {@link UncheckedIOException}; {@link #writing} turns it back into the
 * IOException the caller declares.
 */
final class Json {
    /** One factory for every generator (it is thread-safe once configured). */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator out;

    /** A writer on {@code target}; {@link #flush} when done (the target is not closed). */
    Json(Writer target, boolean pretty) {
        try {
            out = FACTORY.createGenerator(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pretty) {
            out.setPrettyPrinter(new Indented());
        }
    }

    /** A JSON rendering: writes to the writer it is given. */
    interface Rendering {
        void write(Writer out);
    }

    /** Runs {@code rendering} on {@code out}, turning a failed write back into its IOException. */
    static void writing(Writer out, Rendering rendering) throws IOException {
        try {
            rendering.write(out);
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    Json begin() {
        return call(JsonGenerator::writeStartObject);
    }

    Json end() {
        return call(JsonGenerator::writeEndObject);
    }

    Json beginArray() {
        return call(JsonGenerator::writeStartArray);
    }

    Json endArray() {
        return call(JsonGenerator::writeEndArray);
    }

    /** Starts member {@code name} of an object (follow with a value or begin). */
    Json key(String name) {
        return call(g -> g.writeFieldName(name));
    }

    Json value(String s) {
        return call(g -> g.writeString(s));
    }

    Json value(long v) {
        return call(g -> g.writeNumber(v));
    }

    Json value(boolean v) {
        return call(g -> g.writeBoolean(v));
    }

    /** A number with up to six decimals (JSON has no NaN or infinities: those become 0). */
    Json value(double v) {
        return call(g -> g.writeNumber(number(v)));
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
        return key(name).call(g -> g.writeNumber(number));
    }

    /** Writes out what the generator buffers (call once the document is complete). */
    void flush() {
        call(JsonGenerator::flush);
    }

    /** Ends the document with a newline and flushes. */
    void finish() {
        call(g -> g.writeRaw('\n'));
        flush();
    }

    /** {@code v} as JSON text: an integer when whole, else up to six decimals; 0 for NaN and infinities. */
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

    /** One generator call that may fail with an IOException. */
    private interface Call {
        void on(JsonGenerator g) throws IOException;
    }

    private Json call(Call c) {
        try {
            c.on(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * The pretty layout: a member or element per line, two spaces per level,
     * ": " after a key, empty objects and arrays as {} and [].
     */
    private static final class Indented implements PrettyPrinter {
        private int depth;

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        // An object or array opens: one level deeper.
        private void open(JsonGenerator g, char bracket) throws IOException {
            g.writeRaw(bracket);
            depth++;
        }

        // It closes: on a line of its own when it had members, right after the opening when empty.
        private void close(JsonGenerator g, int members, char bracket) throws IOException {
            depth--;
            if (members > 0) {
                newline(g);
            }
            g.writeRaw(bracket);
        }

        // Between two members or elements.
        private void separate(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            open(g, '{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            close(g, entries, '}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            separate(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            open(g, '[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            close(g, values, ']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            separate(g);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }
    }
}
