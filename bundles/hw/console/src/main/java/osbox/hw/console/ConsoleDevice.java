package osbox.hw.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Executor;
import osbox.api.hw.Console;
import osbox.api.hw.InterruptController;

/**
 * The console device: a transmit side written by programmed I/O straight to
 * a host output stream, and a receive buffer filled from a host input stream.
 *
 * <p>The receive buffer changes only in tasks given to the safe-point
 * executor (on the machine, {@code machine::submit}), so bytes reach the
 * simulation at safe points, in order; every arrival of bytes, and the end
 * of input, raises the console's interrupt source. The simulation thread
 * never blocks: {@link #read} returns 0 when nothing has arrived yet.
 *
 * <p>Each {@link #connect} starts a new connection. Tasks still queued by an
 * earlier connection's reader are ignored when they run, and the receive
 * buffer starts empty and not at end of input for the new connection, with
 * one exception: reconnecting the same input stream object (System.in, say)
 * keeps its reader thread, its buffered bytes and its end-of-input state, so
 * no second thread competes for the same host stream.
 *
 * <p>A host output stream that refuses bytes (a closed pipe: the reader of
 * {@code osbox run ... | head} has gone) closes the transmit side until the
 * next {@link #connect}: {@link #outputClosed} turns true and later output
 * is discarded. A {@link PrintStream} (System.out) swallows its write
 * errors, so its error flag is checked after each write instead.
 *
 * <p>Plain Java, no OSGi: the component wraps it, tests and the harness build
 * it with {@code new}. {@link #connect}, {@link #disconnect} and the counters
 * may be called from any thread; the rest runs on the simulation thread.
 */
public final class ConsoleDevice implements Console {
    private final Executor safePoint;
    private final InterruptController intc;
    private final int source;

    /** Guards the receive side, so that even an executor that runs tasks inline on the reader thread is safe. */
    private final Object rxLock = new Object();
    private final ReceiveBuffer rx = new ReceiveBuffer();
    private HostInput seen;
    private boolean eof;
    private long bytesRead;
    private long bytesReceived;

    private volatile HostInput connection = new HostInput(null);
    private volatile OutputStream out;
    private volatile boolean outputClosed;
    private volatile long bytesWritten;

    private final HostInput.Sink sink = new HostInput.Sink() {
        @Override
        public void bytes(HostInput from, byte[] chunk) {
            safePoint.execute(() -> receive(from, chunk));
        }

        @Override
        public void end(HostInput from) {
            safePoint.execute(() -> endOfInput(from));
        }
    };

    /**
     * Makes a console that is not connected yet (reads return 0, writes are
     * discarded). Allocates the interrupt source "console" from {@code intc}
     * now and enables it for hart 0 at the next safe point.
     * {@code safePoint} must run tasks on the simulation thread, in order.
     */
    public ConsoleDevice(Executor safePoint, InterruptController intc) {
        if (safePoint == null || intc == null) {
            throw new IllegalArgumentException("the console needs a safe-point executor and an interrupt controller");
        }
        this.safePoint = safePoint;
        this.intc = intc;
        this.source = intc.allocateSource("console");
        this.seen = connection;
        safePoint.execute(() -> intc.setEnabled(0, source, true));
    }

    @Override
    public int interruptSource() {
        return source;
    }

    // Sends the bytes to the host stream and flushes, so interactive programs
    // see their output at once. Counts every byte, sent or discarded. A host
    // stream that fails is dropped and the output marked closed (see the class comment).
    @Override
    public void write(byte[] src, int off, int len) {
        checkRange(src, off, len);
        bytesWritten += len;
        OutputStream o = out;
        if (o == null || len == 0) {
            return;
        }
        try {
            o.write(src, off, len);
            o.flush();
            if (o instanceof PrintStream p && p.checkError()) {
                dropOutput(o);
            }
        } catch (IOException e) {
            dropOutput(o);
        }
    }

    @Override
    public boolean outputClosed() {
        return outputClosed;
    }

    // Takes up to len buffered bytes: how many (> 0), 0 if none yet, -1 at end of input with none left.
    @Override
    public int read(byte[] dst, int off, int len) {
        checkRange(dst, off, len);
        synchronized (rxLock) {
            follow();
            if (rx.size() == 0) {
                return eof ? -1 : 0;
            }
            int n = rx.take(dst, off, len);
            bytesRead += n;
            seen.taken(n);
            return n;
        }
    }

    @Override
    public boolean readable() {
        synchronized (rxLock) {
            follow();
            return rx.size() > 0 || eof;
        }
    }

    /** Bytes buffered and not read yet. */
    public int buffered() {
        synchronized (rxLock) {
            follow();
            return rx.size();
        }
    }

    // Connects new host streams (see the class comment): in == null means end
    // of input at the next safe point; out == null discards output. Any thread.
    @Override
    public synchronized void connect(InputStream in, OutputStream out) {
        this.out = out;
        this.outputClosed = false;
        HostInput old = connection;
        if (in != null && old.stream() == in) {
            return;
        }
        old.stop();
        HostInput next = new HostInput(in);
        connection = next;
        if (in == null) {
            safePoint.execute(() -> endOfInput(next));
        } else {
            next.start(sink);
        }
    }

    /**
     * Flushes and detaches the host streams: the reader's late tasks are
     * ignored, reads return 0 (not end of input), writes are discarded. Any thread.
     */
    public synchronized void disconnect() {
        flush();
        connection.stop();
        connection = new HostInput(null);
        out = null;
        outputClosed = false;
    }

    @Override
    public void flush() {
        OutputStream o = out;
        if (o == null) {
            return;
        }
        try {
            o.flush();
            if (o instanceof PrintStream p && p.checkError()) {
                dropOutput(o);
            }
        } catch (IOException e) {
            dropOutput(o);
        }
    }

    @Override
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Bytes taken by {@link #read}. */
    @Override
    public long bytesRead() {
        synchronized (rxLock) {
            return bytesRead;
        }
    }

    /** Bytes received from the host into the buffer (read or not). */
    public long bytesReceived() {
        synchronized (rxLock) {
            return bytesReceived;
        }
    }

    // Safe-point task: appends a chunk from connection `from` and raises the source; stale chunks are ignored.
    private void receive(HostInput from, byte[] chunk) {
        synchronized (rxLock) {
            if (from != connection) {
                return;
            }
            follow();
            rx.append(chunk, 0, chunk.length);
            bytesReceived += chunk.length;
        }
        intc.raise(source);
    }

    // Safe-point task: marks end of input for connection `from` and raises the source, unless stale.
    private void endOfInput(HostInput from) {
        synchronized (rxLock) {
            if (from != connection) {
                return;
            }
            follow();
            eof = true;
        }
        intc.raise(source);
    }

    // Starts the receive side afresh once a new connection is current. Caller holds rxLock.
    private void follow() {
        HostInput now = connection;
        if (now != seen) {
            seen = now;
            rx.clear();
            eof = false;
        }
    }

    // Drops the failed host stream, unless a new connection replaced it meanwhile, and marks output closed.
    private synchronized void dropOutput(OutputStream failed) {
        if (out == failed) {
            out = null;
            outputClosed = true;
        }
    }

    private static void checkRange(byte[] buf, int off, int len) {
        if (buf == null) {
            throw new IllegalArgumentException("console buffer is null");
        }
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IllegalArgumentException("console range off=" + off + " len=" + len
                    + " outside a buffer of " + buf.length + " bytes");
        }
    }
}
