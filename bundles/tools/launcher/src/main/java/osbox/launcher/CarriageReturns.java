package osbox.launcher;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The launcher's own output on a host terminal the osbox script put in raw
 * mode (no output processing): each newline gets the carriage return the
 * terminal no longer adds, so reports do not step down the screen. The
 * program's bytes never pass here (the console writes file descriptor 1
 * itself).
 */
final class CarriageReturns extends FilterOutputStream {
    private int last = -1;

    CarriageReturns(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n' && last != '\r') {
            out.write('\r');
        }
        out.write(b);
        last = b & 0xff;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }
}
