package osbox.hw.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;

/**
 * The trace: a ring of the most recent events plus a running FNV-1a hash
 * over every event's fields, so two runs compare bit for bit without
 * keeping everything. Simulation thread only.
 */
public final class TraceLog implements Tracer {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final TraceEvent[] ring;
    private final LongSupplier clock;
    private long hash = FNV_OFFSET;
    private long count;

    /** Keeps the last {@code capacity} events (0 keeps none but still hashes); stamps them with {@code clock}. */
    public TraceLog(int capacity, LongSupplier clock) {
        if (capacity < 0) {
            throw new IllegalArgumentException("trace capacity must be >= 0: " + capacity);
        }
        this.ring = new TraceEvent[capacity];
        this.clock = clock;
    }

    @Override
    public void record(TraceKind kind, int hart, int pid, long a, long b) {
        record(kind, hart, pid, a, b, null);
    }

    @Override
    public void record(TraceKind kind, int hart, int pid, long a, long b, String text) {
        long t = clock.getAsLong();
        long h = hash;
        h = mix(h, t);
        h = mix(h, kind.ordinal());
        h = mix(h, hart);
        h = mix(h, pid);
        h = mix(h, a);
        h = mix(h, b);
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                h = (h ^ text.charAt(i)) * FNV_PRIME;
            }
        }
        hash = h;
        if (ring.length > 0) {
            ring[(int) (count % ring.length)] = new TraceEvent(t, kind, hart, pid, a, b, text);
        }
        count++;
    }

    // Folds the 8 bytes of v into the hash, FNV-1a style.
    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ ((v >>> (8 * i)) & 0xff)) * FNV_PRIME;
        }
        return h;
    }

    @Override
    public long hash() {
        return hash;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public List<TraceEvent> events() {
        int n = (int) Math.min(count, ring.length);
        List<TraceEvent> out = new ArrayList<>(n);
        long first = count - n;
        for (long i = first; i < count; i++) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return out;
    }
}
