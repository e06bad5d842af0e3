package osbox.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Text written as it is made, for the SVG charts: the appends of a
 * StringBuilder, going straight to a {@link Writer} so that a chart of any
 * size is never held in memory whole. A failed write throws
 * {@link UncheckedIOException} (see {@link Json#writing}).
 */
final class TextOut {
    private final Writer out;

    TextOut(Writer out) {
        this.out = out;
    }

    TextOut append(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TextOut append(char c) {
        try {
            out.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TextOut append(long v) {
        return append(Long.toString(v));
    }
}
