package osbox.hw.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One connection of the console to a host input stream (or to none). For a
 * stream, a daemon host thread "osbox-console-input" reads it in chunks of up
 * to {@link #CHUNK} bytes and hands each chunk, then end of input, to the
 * sink, which must queue them for the simulation thread. The sink tags
 * nothing itself: the console compares this object with its current
 * connection, so anything a stopped connection hands over late is ignored.
 *
 * <p>The reader keeps at most {@link #WINDOW} bytes handed over and not yet
 * taken by the program (a terminal's input buffer): beyond that it stops
 * reading the host stream until {@link #taken} makes room, so a endless
 * input ({@code < /dev/zero}) costs bounded memory.
 */
final class HostInput {
    /** Largest chunk handed over at once. */
    static final int CHUNK = 4096;
    /** Most bytes handed over and not yet taken before the reader waits. */
    static final int WINDOW = 64 * 1024;

    /** Where a reader thread delivers what it read; called on the reader thread. */
    interface Sink {
        void bytes(HostInput from, byte[] chunk);

        void end(HostInput from);
    }

    private final InputStream in;
    private volatile boolean stopped;
    /** Bytes handed over and not yet taken; guarded by this object's monitor. */
    private long unread;

    /** A connection to {@code in}; null means no stream (see the console for what that means). */
    HostInput(InputStream in) {
        this.in = in;
    }

    InputStream stream() {
        return in;
    }

    // Starts the reader thread; the caller must have a stream and start each connection once.
    void start(Sink sink) {
        if (in == null) {
            throw new IllegalStateException("no host stream to read");
        }
        Thread t = new Thread(() -> pump(sink), "osbox-console-input");
        t.setDaemon(true);
        t.start();
    }

    // Asks the reader to stop handing things over. A read already blocked on
    // the host stream stays blocked (the thread is a daemon); what it returns is dropped.
    void stop() {
        stopped = true;
        synchronized (this) {
            notifyAll();
        }
    }

    // The program took n bytes of this connection's input: room for the reader. Any thread.
    synchronized void taken(int n) {
        unread -= n;
        notifyAll();
    }

    // The reader thread: waits until fewer than WINDOW bytes are unread (or the connection stops),
    // then counts n more; false when stopped or interrupted.
    private synchronized boolean handOver(int n) {
        try {
            while (unread >= WINDOW && !stopped) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        unread += n;
        return !stopped;
    }

    boolean stopped() {
        return stopped;
    }

    // The reader thread: chunks until end of input (or a host read error, taken
    // as end of input), then the end mark, unless stopped on the way.
    private void pump(Sink sink) {
        try {
            readAll(sink);
            if (!stopped) {
                sink.end(this);
            }
        } catch (RuntimeException e) {
            // the safe-point executor refused (the machine is gone): nothing to deliver to
        }
    }

    // Hands over chunks until end of input, a host read error (taken as end of input) or stop,
    // keeping at most WINDOW bytes unread.
    private void readAll(Sink sink) {
        byte[] buf = new byte[CHUNK];
        try {
            while (!stopped) {
                int n = in.read(buf, 0, CHUNK);
                if (n < 0) {
                    return;
                }
                if (n > 0 && handOver(n)) {
                    sink.bytes(this, Arrays.copyOf(buf, n));
                }
            }
        } catch (IOException e) {
            // the host stream failed: the program sees end of input
        }
    }
}
