package osbox.api.trace;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Records trace events on the simulation thread. Recording is cheap (no
 * formatting); the hash covers every event ever recorded, the buffer keeps
 * the most recent ones for export.
 */
@ProviderType
public interface Tracer {
    /**
     * Records an event at the current simulated time.
     *
     * @param kind what happened
     * @param hart hart index, or -1
     * @param pid  process id, or 0
     * @param a    first detail (kind-specific: syscall number, cause, address...)
     * @param b    second detail (result, value...)
     */
    void record(TraceKind kind, int hart, int pid, long a, long b);

    /** The same, with a text detail (hashed too); for rare events only. */
    void record(TraceKind kind, int hart, int pid, long a, long b, String text);

    /** The running 64-bit hash over every event recorded. */
    long hash();

    /** Events recorded since power-on. */
    long count();

    /** The buffered events, oldest first (at most the buffer's capacity). */
    List<TraceEvent> events();
}
