package osbox.harness;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps a copy of what is written to System.err (where the simulation
 * thread's log goes) while still passing it on, so a test can check that a
 * run logged no Java exception. Install, take() between runs, close.
 */
final class StderrCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    /** Starts copying System.err. */
    StderrCapture() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (copy) {
                    copy.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (copy) {
                    copy.write(b, off, len);
                }
                original.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    /** What was written since the last take, and forgets it. */
    String take() {
        synchronized (copy) {
            String text = copy.toString(StandardCharsets.UTF_8);
            copy.reset();
            return text;
        }
    }

    /** Puts the original System.err back. */
    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
    }
}
