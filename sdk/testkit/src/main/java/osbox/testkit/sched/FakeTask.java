package osbox.testkit.sched;

import osbox.api.sched.SchedTask;

/**
 * A {@link SchedTask} with settable fields, for tests and the lab. Setters
 * return this so a task reads as one expression. Equality is by id, as the
 * SPI defines task identity.
 */
public final class FakeTask implements SchedTask {
    private final int id;
    private String name;
    private int nice;
    private int priority;
    private int tickets = 100;
    private long arrival;
    private long lengthHint = -1;
    private long burstHint = -1;
    private long runtime;
    private long lastBurst = -1;
    private int lastHart = -1;

    /** A task with this id and the defaults: nice 0, priority 0, 100 tickets, no hints. */
    public FakeTask(int id) {
        this.id = id;
        this.name = "task" + id;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String name() {
        return name;
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
        return arrival;
    }

    @Override
    public long lengthHint() {
        return lengthHint;
    }

    @Override
    public long burstHint() {
        return burstHint;
    }

    @Override
    public long runtime() {
        return runtime;
    }

    @Override
    public long lastBurst() {
        return lastBurst;
    }

    @Override
    public int lastHart() {
        return lastHart;
    }

    /** Sets the name. */
    public FakeTask name(String value) {
        this.name = value;
        return this;
    }

    /** Sets the nice value (-20..19). */
    public FakeTask nice(int value) {
        this.nice = value;
        return this;
    }

    /** Sets the static priority (0 most important). */
    public FakeTask priority(int value) {
        this.priority = value;
        return this;
    }

    /** Sets the lottery tickets (at least 1). */
    public FakeTask tickets(int value) {
        this.tickets = value;
        return this;
    }

    /** Sets the arrival cycle. */
    public FakeTask arrival(long value) {
        this.arrival = value;
        return this;
    }

    /** Sets the declared total CPU need (-1 unknown). */
    public FakeTask lengthHint(long value) {
        this.lengthHint = value;
        return this;
    }

    /** Sets the declared next burst (-1 unknown). */
    public FakeTask burstHint(long value) {
        this.burstHint = value;
        return this;
    }

    /** Sets the CPU cycles consumed so far. */
    public FakeTask runtime(long value) {
        this.runtime = value;
        return this;
    }

    /** Adds cycles to the runtime, as the mechanism does after a stretch. */
    public FakeTask addRuntime(long cycles) {
        this.runtime += cycles;
        return this;
    }

    /** Sets the most recent completed burst (-1 none). */
    public FakeTask lastBurst(long value) {
        this.lastBurst = value;
        return this;
    }

    /** Sets the hart it last ran on (-1 none). */
    public FakeTask lastHart(int value) {
        this.lastHart = value;
        return this;
    }

    /** Equal when the ids are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SchedTask && ((SchedTask) o).id() == id;
    }

    /** The id's hash. */
    @Override
    public int hashCode() {
        return Integer.hashCode(id);
    }

    /** "task#id". */
    @Override
    public String toString() {
        return "task#" + id;
    }
}
