package osbox.kernel.core.proc;

import java.util.List;

/**
 * Chooses the process to kill when memory and swap are both exhausted. The
 * kernel's default: the largest resident set (ties: the highest pid, the
 * youngest process).
 */
public interface OomPolicy {
    /** What the OOM policy sees of one live process. */
    record Candidate(int pid, String name, long residentPages, long swappedPages) {
    }

    /** The pid to kill, from a non-empty list of candidates (pid order). */
    int choose(List<Candidate> candidates);

    OomPolicy LARGEST_RESIDENT_SET = candidates -> {
        Candidate best = null;
        for (Candidate c : candidates) {
            if (best == null || c.residentPages() > best.residentPages()
                    || (c.residentPages() == best.residentPages() && c.pid() > best.pid())) {
                best = c;
            }
        }
        return best.pid();
    };
}
