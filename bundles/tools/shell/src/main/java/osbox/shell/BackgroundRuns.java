package osbox.shell;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The shell's background runs ({@code osbox:run PROGRAM &}). Gogo starts a
 * background job on a thread of its own and reads the next line at once, so
 * an {@code osbox:ps} typed right after could run before the job's process
 * exists. Gogo tells session listeners each line before it runs it: a line
 * with a background run counts as pending in its session until the run says
 * its process exists (or that it gave up), and {@code ps} waits for its
 * session's pending runs. A pending run that never says so (Gogo refused the
 * command) is forgotten after {@link #WAIT_NANOS}.
 */
final class BackgroundRuns {
    /** How long a background run may take to make its process before ps stops waiting for it (host time). */
    static final long WAIT_NANOS = 5_000_000_000L;

    /** Per session (weakly: a closed session is forgotten), the deadlines of its pending runs, oldest first. */
    private final Map<Object, ArrayDeque<Long>> pending = new WeakHashMap<>();

    /** A line is about to run in {@code session}: each background run in it becomes pending. */
    synchronized void lineStarts(Object session, CharSequence line) {
        int runs = backgroundRuns(line);
        if (runs == 0) {
            return;
        }
        long deadline = System.nanoTime() + WAIT_NANOS;
        ArrayDeque<Long> deadlines = pending.computeIfAbsent(session, s -> new ArrayDeque<>());
        for (int i = 0; i < runs; i++) {
            deadlines.addLast(deadline);
        }
    }

    /** A background run of {@code session} made its process or gave up: one pending run fewer. */
    synchronized void started(Object session) {
        ArrayDeque<Long> deadlines = pending.get(session);
        if (deadlines != null && !deadlines.isEmpty()) {
            deadlines.removeFirst();
            notifyAll();
        }
    }

    /** Waits until {@code session} has no pending background run (each one waited for until its deadline). */
    synchronized void awaitStarted(Object session) throws InterruptedException {
        ArrayDeque<Long> deadlines = pending.get(session);
        while (deadlines != null && !deadlines.isEmpty()) {
            long left = deadlines.peekFirst() - System.nanoTime();
            if (left <= 0) {
                deadlines.removeFirst();
                continue;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Pending runs of {@code session} (for tests). */
    synchronized int pending(Object session) {
        ArrayDeque<Long> deadlines = pending.get(session);
        return deadlines == null ? 0 : deadlines.size();
    }

    /**
     * How many statements of a shell line run {@code osbox:run} (or
     * {@code run}) in the background: those ending in {@code &}; statements
     * are separated by {@code ;} or a newline.
     */
    static int backgroundRuns(CharSequence line) {
        int runs = 0;
        for (String statement : (line == null ? "" : line.toString()).split("[;\\n]")) {
            String s = statement.strip();
            if (!s.endsWith("&") || s.endsWith("&&")) {
                continue;
            }
            String first = s.split("\\s+", 2)[0];
            if (first.equals("osbox:run") || first.equals("run")) {
                runs++;
            }
        }
        return runs;
    }
}
