package osbox.api.io;

/**
 * The I/O scheduling class a process set with {@code ioprio_set(2)}, with
 * Linux's numbers (IOPRIO_CLASS_*). Within RT and BE the level is 0 (most
 * favoured) to 7; a process that set none is {@link #NONE} (Linux then
 * derives best effort from its nice value).
 */
public enum IoPriorityClass {
    /** IOPRIO_CLASS_NONE (0): never set. */
    NONE,
    /** IOPRIO_CLASS_RT (1): real time, served before every other class. */
    REALTIME,
    /** IOPRIO_CLASS_BE (2): best effort, the default. */
    BEST_EFFORT,
    /** IOPRIO_CLASS_IDLE (3): served only when nothing else waits. */
    IDLE;

    /** The Linux class number (IOPRIO_CLASS_*): the ordinal. */
    public int linuxValue() {
        return ordinal();
    }
}
