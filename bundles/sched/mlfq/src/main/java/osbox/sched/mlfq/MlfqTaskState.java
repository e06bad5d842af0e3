package osbox.sched.mlfq;

/** What MLFQ remembers of one task: its level, what is left of its quantum and allotment, where it is. */
final class MlfqTaskState {
    /** Where the task is, as the policy sees it. */
    enum Where {
        /** Not in a queue: new, blocked, or stopped and not yet enqueued again. */
        AWAY,
        /** In its level's queue, pickable. */
        QUEUED,
        /** Picked; its entry keeps its place at the head of its level, as in mlfq.py. */
        RUNNING,
        /** Preempted before its quantum ended: keeps its place until enqueued again. */
        PARKED
    }

    int level;
    long ticksLeft;
    long allotLeft;
    boolean boostPending;
    Where where = Where.AWAY;

    /** A fresh state at level with a full quantum and allotment there. */
    MlfqTaskState(MlfqConfig c, int level) {
        reset(c, level);
    }

    /** Moves to level with a full quantum and allotment. */
    void reset(MlfqConfig c, int level) {
        this.level = level;
        this.ticksLeft = c.quantum()[level];
        this.allotLeft = c.allot()[level];
    }
}
