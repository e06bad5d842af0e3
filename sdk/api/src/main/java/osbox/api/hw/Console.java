package osbox.api.hw;

import java.io.InputStream;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A character console: a transmit side written by programmed I/O and a
 * receive buffer filled from the host, which raises the console's
 * interrupt source when bytes (or end of input) arrive.
 */
@ProviderType
public interface Console {
    /** Transmits bytes to the host side. */
    void write(byte[] src, int off, int len);

    /**
     * Takes up to {@code len} received bytes: returns how many (at least 1),
     * 0 when none are buffered yet, or -1 at end of input with none left.
     */
    int read(byte[] dst, int off, int len);

    /** Bytes buffered and ready to read, or end of input reached. */
    boolean readable();

    /** The interrupt source this console raises on receive. */
    int interruptSource();

    /**
     * Connects the host side: bytes from {@code in} are received (a host
     * thread reads it and hands bytes to the simulation at safe points; null
     * means end of input at once) and transmitted bytes go to {@code out}
     * (null discards them). May be called from any thread.
     */
    void connect(InputStream in, OutputStream out);

    /** Flushes transmitted bytes to the host stream. */
    void flush();

    /**
     * True once the host output stream has refused bytes (a closed pipe, or
     * any other host write error) since the last {@link #connect}: what was
     * being written was lost and later writes are discarded. A terminal
     * driver answers writes with EPIPE from then on, as Linux does for a
     * pipe with no reader. Stays false while output is discarded by choice
     * (no host stream). Since 1.3.
     */
    default boolean outputClosed() {
        return false;
    }

    long bytesWritten();

    long bytesRead();
}
