package osbox.kernel.core.sched;

/**
 * CPU-time limits (RLIMIT_CPU) as the dispatcher enforces them: it asks
 * when a task's next limit falls, in cycles of CPU the task has used, has
 * its hart's timer fire then, and tells the kernel when a running task gets
 * there. CPU time is simulated: the cycles charged to the task.
 */
public interface CpuLimit<T> {
    /** No limits: the dispatcher never stops a task for its CPU time. */
    static <T> CpuLimit<T> none() {
        return new CpuLimit<>() {
            @Override
            public long deadline(T task) {
                return Long.MAX_VALUE;
            }

            @Override
            public void reached(T task, long used) {
                throw new IllegalStateException("no CPU limit to reach");
            }
        };
    }

    /** The CPU cycles of use at which {@code task}'s next limit falls; Long.MAX_VALUE for none. */
    long deadline(T task);

    /**
     * {@code task}, running, has used {@code used} cycles, at least its
     * deadline: the kernel signals it, and may retire it (the dispatcher
     * then runs another) or move its deadline on.
     */
    void reached(T task, long used);
}
