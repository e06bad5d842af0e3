package osbox.testkit.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The scan both deadlock algorithms share (Silberschatz, "Operating System
 * Concepts", 8.6.3 and 8.7.2): Work starts as Available; pass after pass
 * over the processes in index order, a process not yet finished whose
 * demand fits in Work is taken to finish and give back its allocation
 * (Work += Allocation[i]); the scan ends when a whole pass takes nobody.
 * The banker's safety algorithm uses Need as the demand; the detection
 * algorithm uses Request, and counts a process holding nothing as finished
 * from the start.
 *
 * <p>The order is the lab's documented rule: within a pass, lowest index
 * first; so for Silberschatz's 5-process example it answers
 * &lt;P1, P3, P4, P0, P2&gt; (the book names &lt;P1, P3, P4, P2, P0&gt;,
 * another safe sequence, which {@code --sequence} confirms).
 *
 * @param sequence the processes in the order they were taken
 * @param steps Work before each step (steps.get(k) is Work before sequence.get(k)), and Work at the end last
 * @param unfinished the processes never taken, ascending (empty: safe, or no deadlock)
 */
record SafetyScan(List<Integer> sequence, List<long[]> steps, List<Integer> unfinished) {

    /** Runs the scan; demand and allocation have one row per process; finishedAtStart may be null. */
    static SafetyScan run(long[] available, long[][] allocation, long[][] demand, boolean[] finishedAtStart) {
        int n = allocation.length;
        boolean[] finished = finishedAtStart == null ? new boolean[n] : finishedAtStart.clone();
        long[] work = available.clone();
        List<Integer> sequence = new ArrayList<>();
        List<long[]> steps = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int p = 0; p < n; p++) {
                if (!finished[p] && ResourceMatrix.fits(demand[p], work)) {
                    steps.add(work);
                    work = ResourceMatrix.plus(work, allocation[p]);
                    finished[p] = true;
                    sequence.add(p);
                    progress = true;
                }
            }
        }
        steps.add(work);
        List<Integer> unfinished = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (!finished[p]) {
                unfinished.add(p);
            }
        }
        return new SafetyScan(List.copyOf(sequence), List.copyOf(steps), List.copyOf(unfinished));
    }

    /**
     * Checks a sequence the user proposes (each process once): null when it
     * is safe (every process's demand fits in Work when its turn comes), else
     * why not, naming the first process that cannot go.
     */
    static String check(List<Integer> proposed, long[] available, long[][] allocation, long[][] demand) {
        long[] work = available.clone();
        for (int p : proposed) {
            if (!ResourceMatrix.fits(demand[p], work)) {
                return "P" + p + " needs " + DeadlockFormat.counts(demand[p]) + " but only " + DeadlockFormat.counts(work)
                        + " is free at its turn";
            }
            work = ResourceMatrix.plus(work, allocation[p]);
        }
        return null;
    }
}
