package osbox.block.queue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;

/**
 * Per-process I/O accounting (Linux's /proc/PID/io): bytes and I/Os read
 * and written, and the cycles the process's I/Os waited from queueing to
 * completion, counted at each completed {@link BlockIo}. Written on the
 * simulation thread, read by tools from any thread (synchronized: a
 * snapshot).
 */
public final class ProcessAccounting {
    /** The counters' names, in the order {@link #of} gives them. */
    static final String[] NAMES = {"read_bytes", "write_bytes", "reads", "writes", "wait_cycles"};

    private final TreeMap<Integer, long[]> byPid = new TreeMap<>();

    /** Counts {@code io} (completed after waiting {@code waited} cycles) to its process. */
    synchronized void account(BlockIo io, long waited) {
        if (io.operation() == IoOperation.FLUSH) {
            byPid.computeIfAbsent(io.pid(), p -> new long[NAMES.length])[4] += waited;
            return;
        }
        long[] c = byPid.computeIfAbsent(io.pid(), p -> new long[NAMES.length]);
        int w = io.operation() == IoOperation.WRITE ? 1 : 0;
        c[w] += (long) io.count() * 512;
        c[2 + w]++;
        c[4] += waited;
    }

    /** Process {@code pid}'s counters in a fixed order, or an empty map when it did no I/O. */
    public synchronized Map<String, Long> of(int pid) {
        long[] c = byPid.get(pid);
        if (c == null) {
            return Map.of();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.length; i++) {
            out.put(NAMES[i], c[i]);
        }
        return out;
    }
}
