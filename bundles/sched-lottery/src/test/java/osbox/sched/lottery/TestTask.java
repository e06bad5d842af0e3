package osbox.sched.lottery;

import osbox.api.sched.SchedTask;

/** A settable task view for this module's tests. */
final class TestTask implements SchedTask {
    final int id;
    int nice;
    int priority;
    int tickets = 1;
    int lastHart = -1;
    long runtime;

    TestTask(int id) {
        this.id = id;
    }

    /** Sets nice. */
    TestTask nice(int value) {
        nice = value;
        return this;
    }

    /** Sets priority. */
    TestTask priority(int value) {
        priority = value;
        return this;
    }

    /** Sets tickets. */
    TestTask tickets(int value) {
        tickets = value;
        return this;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String name() {
        return "t" + id;
    }

    @Override
    public int nice() {
        return nice;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public int tickets() {
        return tickets;
    }

    @Override
    public long arrival() {
        return 0;
    }

    @Override
    public long lengthHint() {
        return -1;
    }

    @Override
    public long burstHint() {
        return -1;
    }

    @Override
    public long runtime() {
        return runtime;
    }

    @Override
    public long lastBurst() {
        return -1;
    }

    @Override
    public int lastHart() {
        return lastHart;
    }

    @Override
    public String toString() {
        return "t" + id;
    }
}
