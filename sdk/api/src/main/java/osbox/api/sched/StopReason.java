package osbox.api.sched;

/** Why a running task stopped running. */
public enum StopReason {
    /** Its time slice ended. */
    SLICE_EXPIRED,
    /** The policy asked to preempt it for another task. */
    PREEMPTED,
    /** It called sched_yield. */
    YIELDED,
    /** It went to sleep (I/O, sleep, wait). */
    BLOCKED,
    /** It exited or was killed. */
    EXITED
}
