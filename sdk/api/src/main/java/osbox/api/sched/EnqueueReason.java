package osbox.api.sched;

/** Why a task became runnable. */
public enum EnqueueReason {
    /** Just created (or seeded when the policy attached). */
    NEW,
    /** Woke from sleep (I/O done, timer, child exited...). */
    WOKEN,
    /** Taken off a hart involuntarily: its slice ended or another task preempted it. */
    PREEMPTED,
    /** Gave up the hart voluntarily but stays runnable (sched_yield). */
    YIELDED
}
