package osbox.testkit.hw;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * A console whose input the test feeds ({@link #receive}, then
 * {@link #endInput}) and whose output it reads ({@link #output}). Reads
 * answer what was received, 0 while nothing is there, -1 once the input
 * ended and was read. It counts connects and flushes, and never raises its
 * interrupt (the test does, if it needs to). {@link #closeOutputAfter} plays
 * a host reader that goes away (a closed pipe). Thread-safe.
 */
public final class FakeConsole implements osbox.api.hw.Console {
    private final int interruptSource;
    private final ArrayDeque<Byte> input = new ArrayDeque<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private boolean ended;
    private long outputRoom = Long.MAX_VALUE;
    private boolean outputClosed;
    private long bytesRead;
    private int connects;
    private int flushes;

    /** A console on interrupt source 1. */
    public FakeConsole() {
        this(1);
    }

    /** A console on interrupt source {@code interruptSource}. */
    public FakeConsole(int interruptSource) {
        this.interruptSource = interruptSource;
    }

    /** Input arrives: {@code text} in US-ASCII. */
    public synchronized void receive(String text) {
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            input.add(b);
        }
    }

    /** The input ends: once what was received is read, reads answer -1. */
    public synchronized void endInput() {
        ended = true;
    }

    /**
     * The host side takes {@code bytes} more bytes of output, then refuses
     * the write that would exceed them (it is lost) and every later one:
     * {@link #outputClosed()} turns true, as a console's does when the
     * reader of its host pipe has gone.
     */
    public synchronized void closeOutputAfter(long bytes) {
        outputRoom = bytes;
    }

    /** Bytes received and not read yet. */
    public synchronized int pendingInput() {
        return input.size();
    }

    /** Everything written so far. */
    public synchronized byte[] output() {
        return output.toByteArray();
    }

    /** Everything written so far, as UTF-8 text. */
    public synchronized String outputText() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** How many times the host side was connected. */
    public synchronized int connects() {
        return connects;
    }

    /** How many times it was flushed. */
    public synchronized int flushes() {
        return flushes;
    }

    @Override
    public synchronized int read(byte[] dst, int off, int len) {
        if (input.isEmpty()) {
            return ended ? -1 : 0;
        }
        int n = 0;
        while (n < len && !input.isEmpty()) {
            dst[off + n++] = input.poll();
        }
        bytesRead += n;
        return n;
    }

    @Override
    public synchronized void write(byte[] src, int off, int len) {
        if (outputClosed || len > outputRoom) {
            outputClosed = true;
            return;
        }
        outputRoom -= len;
        output.write(src, off, len);
    }

    @Override
    public synchronized boolean outputClosed() {
        return outputClosed;
    }

    @Override
    public synchronized boolean readable() {
        return !input.isEmpty() || ended;
    }

    @Override
    public int interruptSource() {
        return interruptSource;
    }

    /** Counts the connection; the streams are not used (the test feeds and reads this console). */
    @Override
    public synchronized void connect(InputStream in, OutputStream out) {
        connects++;
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    @Override
    public synchronized long bytesWritten() {
        return output.size();
    }

    @Override
    public synchronized long bytesRead() {
        return bytesRead;
    }
}
