package osbox.shell;

import java.util.ArrayList;
import java.util.List;
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

    /** A pending run: its words after osbox:run (program and arguments, one space apart), its deadline. */
    private record Pending(String words, long deadline) {
    }

    /** Per session (weakly: a closed session is forgotten), its pending runs, oldest first. */
    private final Map<Object, List<Pending>> pending = new WeakHashMap<>();

    /** A line is about to run in {@code session}: each background run in it becomes pending. */
    synchronized void lineStarts(Object session, CharSequence line) {
        List<String> runs = backgroundRuns(line);
        if (runs.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + WAIT_NANOS;
        List<Pending> list = pending.computeIfAbsent(session, s -> new ArrayList<>());
        for (String words : runs) {
            list.add(new Pending(words, deadline));
        }
    }

    /**
     * A run of {@code program} with {@code args} in {@code session} made its
     * process or gave up: if it is a pending background run (the same words
     * after osbox:run), it is pending no more. Gogo runs a background job's
     * command in the shell's job, so the words are what tells it apart.
     */
    synchronized void started(Object session, String program, List<String> args) {
        List<Pending> list = pending.get(session);
        if (list == null) {
            return;
        }
        String words = words(program + " " + String.join(" ", args));
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).words().equals(words)) {
                list.remove(i);
                notifyAll();
                return;
            }
        }
    }

    /** Waits until {@code session} has no pending background run (each one waited for until its deadline). */
    synchronized void awaitStarted(Object session) throws InterruptedException {
        List<Pending> list = pending.get(session);
        while (list != null && !list.isEmpty()) {
            long now = System.nanoTime();
            list.removeIf(p -> p.deadline() - now <= 0);
            if (list.isEmpty()) {
                return;
            }
            long next = list.stream().mapToLong(Pending::deadline).min().getAsLong();
            wait(Math.max(1, (next - now) / 1_000_000));
        }
    }

    /** Pending runs of {@code session} (for tests). */
    synchronized int pending(Object session) {
        List<Pending> list = pending.get(session);
        return list == null ? 0 : list.size();
    }

    /**
     * The background runs of a shell line: for each statement (separated by
     * {@code ;} or a newline) that runs {@code osbox:run} (or {@code run})
     * and ends in {@code &}, its words after the command.
     */
    static List<String> backgroundRuns(CharSequence line) {
        List<String> runs = new ArrayList<>();
        for (String statement : (line == null ? "" : line.toString()).split("[;\\n]")) {
            String s = statement.strip();
            if (!s.endsWith("&") || s.endsWith("&&")) {
                continue;
            }
            String[] split = s.substring(0, s.length() - 1).strip().split("\\s+", 2);
            if ((split[0].equals("osbox:run") || split[0].equals("run")) && split.length == 2) {
                runs.add(words(split[1]));
            }
        }
        return runs;
    }

    // Words one space apart.
    private static String words(String text) {
        return String.join(" ", text.strip().split("\\s+"));
    }
}
