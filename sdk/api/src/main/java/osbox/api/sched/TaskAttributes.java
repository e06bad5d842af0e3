package osbox.api.sched;

/**
 * What a workload declares about a task for scheduling policies: nice
 * (-20..19), static priority (0 most important), lottery tickets (at least
 * 1), and hints in cycles (-1 when unknown) for policies that use them.
 */
public record TaskAttributes(int nice, int priority, int tickets, long lengthHint, long burstHint) {
    /** Nice 0, priority 0, 100 tickets, no hints. */
    public static final TaskAttributes DEFAULT = new TaskAttributes(0, 0, 100, -1, -1);

    public TaskAttributes {
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice must be -20..19: " + nice);
        }
        if (priority < 0 || priority > 139) {
            throw new IllegalArgumentException("priority must be 0..139: " + priority);
        }
        if (tickets < 1) {
            throw new IllegalArgumentException("tickets must be at least 1: " + tickets);
        }
        if (lengthHint < -1 || burstHint < -1) {
            throw new IllegalArgumentException("hints must be -1 (unknown) or cycles >= 0");
        }
    }
}
