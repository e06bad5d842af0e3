package osbox.api.hw;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How an idle machine lets simulated time pass. When no hart has work, the
 * machine jumps its clock straight to the next event: a program that sleeps
 * 100 simulated seconds ends at once in host time, which is what batch runs
 * and tests want (and what keeps them deterministic). A person at a terminal
 * expects a `sleep 5` to take five seconds, and a ^Z typed meanwhile to find
 * the sleeper: a front end on a host terminal sets a pacer that holds the
 * idle clock to host time. The pacer belongs to the front end, outside the
 * simulation path, because it reads the host's clock; with one set, a run is
 * only as repeatable as the person's typing already makes it.
 *
 * @since 1.4
 */
@ConsumerType
public interface IdlePacer {
    /**
     * Called on the simulation thread when no hart has work and the next
     * event is at cycle {@code next} (greater than {@code now}). It may block
     * the simulation thread, through {@code waiter} only, so that a task
     * submitted meanwhile (host input) cuts the wait short; it answers the
     * cycle the clock moves to, between {@code now} and {@code next}: next
     * when the whole interval passed, an earlier cycle when a task came
     * first (the machine runs the task there and asks again).
     */
    long idle(long now, long next, long frequencyHz, Waiter waiter);

    /** The machine's side of a pacer's wait. */
    @FunctionalInterface
    interface Waiter {
        /**
         * Blocks up to {@code nanos} host nanoseconds: true as soon as a task
         * is submitted to the machine (or one is already waiting), false
         * when the time ran out.
         */
        boolean await(long nanos);
    }
}
