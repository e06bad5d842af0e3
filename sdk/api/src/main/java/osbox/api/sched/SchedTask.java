package osbox.api.sched;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a policy sees of a task. Read-only, cheap to call; values change only
 * between policy calls. Identity: equal ids are the same task.
 */
@ProviderType
public interface SchedTask {
    /** The task id (the pid while processes have one thread). */
    int id();

    String name();

    /** Nice value, -20 (most favoured) to 19. */
    int nice();

    /** Static priority for priority schedulers: 0 is the most important. */
    int priority();

    /** Lottery tickets (at least 1). */
    int tickets();

    /** Cycle at which the task arrived (was created). */
    long arrival();

    /** Declared total CPU need in cycles (a workload's hint), or -1 when unknown. */
    long lengthHint();

    /** Declared length of its next CPU burst in cycles, or -1 when unknown. */
    long burstHint();

    /** CPU cycles consumed so far, over its whole life. */
    long runtime();

    /** Length of its most recent completed CPU burst (run until it blocked), or -1 if none yet. */
    long lastBurst();

    /** The hart it last ran on, or -1. */
    int lastHart();
}
