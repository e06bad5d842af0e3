package osbox.api.sched;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A scheduling policy: decides, never acts. The mechanism guarantees:
 * <ul>
 * <li>{@link #enqueue} is called once each time a task becomes runnable and
 * {@link #pick} or {@link #dequeue} once before it is enqueued again;</li>
 * <li>{@link #ran} follows every stretch a picked task ran, with the cycles
 * it used, whatever stopped it (so accounting cannot be gamed by yielding
 * just before a slice ends);</li>
 * <li>a policy that throws, picks a task that is not enqueued, or leaves a
 * runnable task waiting past the watchdog's timeout is ejected and the
 * built-in policy takes over.</li>
 * </ul>
 *
 * <p>Order: a running task that stops and stays runnable is reported with
 * {@link #ran} first, then {@link #enqueue} ({@code PREEMPTED} or
 * {@code YIELDED}). Tasks created at the same simulated instant are all
 * enqueued before the first pick, so the policy chooses among them.
 * {@link #shouldPreempt} is asked after a task becomes runnable ({@code NEW}
 * or {@code WOKEN}) and at each tick; it should compare the running task
 * with the best task the policy has queued for that hart. A task killed
 * while it sleeps is not reported (it was neither enqueued nor running):
 * keep per-task state only for enqueued and running tasks, or key it by
 * {@link SchedTask#id()} and drop it on {@code ran(..., EXITED)} and
 * {@link #dequeue}.
 */
@ConsumerType
public interface SchedulingPolicy {
    /**
     * Starts the policy: {@code runnable} holds every task that is runnable
     * now and not running, in the order they became runnable, as if each had
     * been enqueued with {@link EnqueueReason#NEW}; {@code running} holds the
     * task running on each hart (null where idle).
     */
    void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] running);

    /** The policy is being replaced or stopped; it will not be called again. */
    default void detach() {
    }

    /** A task became runnable. */
    void enqueue(SchedTask task, EnqueueReason reason);

    /** A runnable, not running task leaves without running (killed). */
    void dequeue(SchedTask task);

    /**
     * The task hart should run next, removed from the policy's queues; null
     * to leave the hart idle (allowed only when nothing is enqueued for it).
     */
    SchedTask pick(int hart);

    /**
     * Cycles the task just picked for hart may run before the mechanism asks
     * again; {@code Long.MAX_VALUE} to run it until it blocks or exits.
     */
    long slice(SchedTask task, int hart);

    /**
     * Whether {@code running} should give hart up now, asked when another task
     * was enqueued and at each {@link #tickPeriod()}: true preempts it.
     */
    default boolean shouldPreempt(SchedTask running, int hart) {
        return false;
    }

    /** The task ran {@code cycles} on its last stretch and stopped for {@code reason}. */
    void ran(SchedTask task, long cycles, StopReason reason);

    /** How often (cycles) {@link #tick} and the preemption check run; Long.MAX_VALUE for never. */
    default long tickPeriod() {
        return Long.MAX_VALUE;
    }

    /** Periodic work (priority boost, aging, balancing). */
    default void tick() {
    }
}
