package osbox.hw.console;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The way out of a host terminal in raw mode, as qemu's ^A x: with the host
 * terminal raw, ^C is a byte for the simulated terminal, so the input from
 * the host passes through this filter. ^A x calls the quit action (osbox
 * ends); ^A ^A is one ^A for the program; ^A followed by anything else
 * passes both bytes. Runs on the console's host reader thread.
 */
final class HostEscape extends FilterInputStream {
    /** ^A, the escape (qemu's). */
    static final int ESCAPE = 0x01;

    private final Runnable quit;
    private boolean escaped;    // the last byte read was an escape, held back
    private int pending = -1;   // a byte that found no room in the last read, or -1
    private boolean ended;      // ^A x was typed: end of input (if quit returned at all)

    /** Filters in; quit runs (and should not return) when the user types ^A x. */
    HostEscape(InputStream in, Runnable quit) {
        super(in);
        this.quit = quit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /** Reads and filters: the escape pairs are taken out as described in the class comment. */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int out = off;
        if (pending >= 0) {
            b[out++] = (byte) pending;
            pending = -1;
            if (out - off == len) {
                return len;
            }
        }
        // each byte read gives at most two (a held escape and itself); the second may wait in pending
        byte[] raw = new byte[Math.max(1, (len - (out - off)) / 2)];
        int n = in.read(raw, 0, raw.length);
        if (n < 0) {
            return out > off ? out - off : -1;
        }
        for (int i = 0; i < n; i++) {
            int c = raw[i] & 0xff;
            if (escaped) {
                escaped = false;
                if (c == 'x' || c == 'X') {
                    ended = true;
                    quit.run();
                    return out > off ? out - off : -1;
                }
                if (c != ESCAPE) {
                    out = put(b, off, len, out, ESCAPE);
                }
                out = put(b, off, len, out, c);
            } else if (c == ESCAPE) {
                escaped = true;
            } else {
                out = put(b, off, len, out, c);
            }
        }
        return out - off;
    }

    // Puts c at b[out] if there is room, else keeps it for the next read; the next free index.
    private int put(byte[] b, int off, int len, int out, int c) {
        if (out - off < len) {
            b[out] = (byte) c;
            return out + 1;
        }
        pending = c;
        return out;
    }
}
