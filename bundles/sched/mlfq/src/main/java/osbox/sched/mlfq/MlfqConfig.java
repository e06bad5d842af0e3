package osbox.sched.mlfq;

/**
 * MLFQ settings. Levels are numbered as in OSTEP's mlfq.py: {@code queues-1}
 * is the highest priority, 0 the lowest. {@code quantum[level]} is the slice
 * in cycles and {@code allot[level]} the number of quanta a task may use at a
 * level before it moves down. {@code boost} is the period of the priority
 * boost in cycles (0: never). {@code ioBump}: a task woken from sleep goes
 * to the front of its queue (mlfq.py -I). {@code stay}: blocking resets the
 * task's quantum and allotment at its level (mlfq.py -S, gameable on
 * purpose). {@code ostepBoost}: a boost sets the remaining quantum to the top
 * level's allotment and keeps the allotment, exactly as mlfq.py does;
 * otherwise a boost gives a fresh top-level quantum and allotment.
 */
public record MlfqConfig(long[] quantum, long[] allot, long boost, boolean ioBump, boolean stay,
        boolean ostepBoost) {

    /** Checks the arrays match and every value is positive. */
    public MlfqConfig {
        if (quantum.length < 1 || quantum.length != allot.length) {
            throw new IllegalArgumentException("quantum and allot need one value per queue");
        }
        for (int i = 0; i < quantum.length; i++) {
            if (quantum[i] < 1 || allot[i] < 1) {
                throw new IllegalArgumentException("quantum and allot must be at least 1");
            }
        }
        if (boost < 0) {
            throw new IllegalArgumentException("boost must be at least 0");
        }
        quantum = quantum.clone();
        allot = allot.clone();
    }

    /** Number of levels. */
    public int queues() {
        return quantum.length;
    }

    /** The highest level. */
    public int top() {
        return quantum.length - 1;
    }
}
