package osbox.shell;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.felix.service.command.Job;

/**
 * The shell's background runs ({@code osbox:run PROGRAM &}): Gogo starts a
 * background job on a thread of its own and goes on with the next command
 * at once, so an {@code osbox:ps} typed right after could run before the
 * job's process exists. Each run says here when its process exists (or was
 * refused), and {@code ps} waits for the runs of its session that have not
 * said so yet.
 */
final class BackgroundRuns {
    /** How long {@code ps} waits, at most, for a background run to make its process (host time). */
    static final long WAIT_NANOS = 5_000_000_000L;

    /** Jobs whose run made its process or gave up; weak: a finished job is forgotten with it. */
    private final Set<Job> started = Collections.newSetFromMap(new WeakHashMap<>());

    /** Records that {@code job}'s run made its process or gave up (null: not in a Gogo job, ignored). */
    synchronized void started(Job job) {
        if (job != null) {
            started.add(job);
            notifyAll();
        }
    }

    /**
     * Waits until every job in {@code jobs} that runs {@code osbox:run}, is
     * not {@code self} and has not ended, has made its process; at most
     * {@link #WAIT_NANOS} in all, after which it returns anyway.
     */
    synchronized void awaitStarted(List<Job> jobs, Job self) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        for (Job job : jobs == null ? List.<Job>of() : jobs) {
            if (job == self || !runsProgram(job.command())) {
                continue;
            }
            long left;
            while (!started.contains(job) && job.status() != Job.Status.Done
                    && (left = deadline - System.nanoTime()) > 0) {
                // a job that ends without saying so (an error before run) is seen by polling its status
                wait(Math.max(1, Math.min(50, left / 1_000_000)));
            }
        }
    }

    /** Whether a job's command line starts with osbox:run (or run, as Gogo finds it without its scope). */
    static boolean runsProgram(CharSequence command) {
        String line = command == null ? "" : command.toString().strip();
        String first = line.split("\\s+", 2)[0];
        return first.equals("osbox:run") || first.equals("run");
    }
}
