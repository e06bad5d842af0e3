package osbox.kernel.core.proc;

import osbox.api.kernel.Errno;

/**
 * A process's resource limits (getrlimit(2)): a soft and a hard value for
 * each of Linux's sixteen resources, numbered as on riscv64, unsigned, with
 * {@link #INFINITY} (RLIM_INFINITY, ~0) for none. A child gets a copy at
 * fork; execve keeps them.
 *
 * <p>osbox processes are unprivileged for limits (like uid 0 in a user
 * namespace, without CAP_SYS_RESOURCE in the initial one): a process may
 * lower its limits and raise a soft limit up to the hard one, never raise a
 * hard limit (EPERM), and RLIMIT_NPROC binds it. Linux's checks in
 * do_prlimit, in its order: an unknown resource (EINVAL), soft above hard
 * (EINVAL), RLIMIT_NOFILE's hard limit above nr_open (EPERM; osbox's
 * nr_open is its descriptor table's size), a hard limit raised (EPERM).
 * Simulation thread only.
 */
public final class ResourceLimits {
    public static final int RLIMIT_CPU = 0, RLIMIT_FSIZE = 1, RLIMIT_DATA = 2, RLIMIT_STACK = 3, RLIMIT_CORE = 4,
            RLIMIT_RSS = 5, RLIMIT_NPROC = 6, RLIMIT_NOFILE = 7, RLIMIT_MEMLOCK = 8, RLIMIT_AS = 9,
            RLIMIT_LOCKS = 10, RLIMIT_SIGPENDING = 11, RLIMIT_MSGQUEUE = 12, RLIMIT_NICE = 13, RLIMIT_RTPRIO = 14,
            RLIMIT_RTTIME = 15;
    /** How many resources there are (RLIM_NLIMITS). */
    public static final int COUNT = 16;
    /** No limit (RLIM_INFINITY). */
    public static final long INFINITY = -1L;
    /** Linux's default stack limit (_STK_LIM) and locked-memory limit (MLOCK_LIMIT). */
    static final long EIGHT_MIB = 8L << 20;
    /** Linux's default message-queue bytes (MQ_BYTES_MAX). */
    static final long MQ_BYTES_MAX = 819_200;

    private final long[] soft = new long[COUNT];
    private final long[] hard = new long[COUNT];
    private final long nrOpen;

    private ResourceLimits(long nrOpen) {
        this.nrOpen = nrOpen;
    }

    /**
     * The limits a process started from outside gets: Linux's defaults
     * (INIT_RLIMITS), with {@code maxProcesses} for RLIMIT_NPROC and
     * RLIMIT_SIGPENDING (Linux sets both from the thread limit at boot) and
     * {@code nrOpen} (the descriptor table's size) for both of RLIMIT_NOFILE.
     */
    public static ResourceLimits defaults(int maxProcesses, int nrOpen) {
        ResourceLimits l = new ResourceLimits(nrOpen);
        for (int r = 0; r < COUNT; r++) {
            l.soft[r] = INFINITY;
            l.hard[r] = INFINITY;
        }
        l.init(RLIMIT_STACK, EIGHT_MIB, INFINITY);
        l.init(RLIMIT_CORE, 0, INFINITY);
        l.init(RLIMIT_NPROC, maxProcesses, maxProcesses);
        l.init(RLIMIT_NOFILE, nrOpen, nrOpen);
        l.init(RLIMIT_MEMLOCK, EIGHT_MIB, EIGHT_MIB);
        l.init(RLIMIT_SIGPENDING, maxProcesses, maxProcesses);
        l.init(RLIMIT_MSGQUEUE, MQ_BYTES_MAX, MQ_BYTES_MAX);
        l.init(RLIMIT_NICE, 0, 0);
        l.init(RLIMIT_RTPRIO, 0, 0);
        return l;
    }

    private void init(int resource, long s, long h) {
        soft[resource] = s;
        hard[resource] = h;
    }

    /** A copy (fork). */
    public ResourceLimits copy() {
        ResourceLimits l = new ResourceLimits(nrOpen);
        System.arraycopy(soft, 0, l.soft, 0, COUNT);
        System.arraycopy(hard, 0, l.hard, 0, COUNT);
        return l;
    }

    /** Whether {@code resource} names one of the sixteen (taken as unsigned, as Linux's unsigned int). */
    public static boolean known(long resource) {
        return resource >= 0 && resource < COUNT;
    }

    /** The soft limit of a known resource. */
    public long soft(int resource) {
        return soft[resource];
    }

    /** The hard limit of a known resource. */
    public long hard(int resource) {
        return hard[resource];
    }

    /**
     * The soft limit as a count no larger than {@code cap}: RLIM_INFINITY
     * and anything above cap give cap (limits are unsigned).
     */
    public long softAtMost(int resource, long cap) {
        long s = soft[resource];
        return Long.compareUnsigned(s, cap) > 0 ? cap : s;
    }

    /**
     * setrlimit: sets both limits of {@code resource} after Linux's checks
     * (see the class comment); 0, or a negative errno with nothing changed.
     */
    public int set(long resource, long newSoft, long newHard) {
        if (!known(resource)) {
            return -Errno.EINVAL;
        }
        int r = (int) resource;
        if (Long.compareUnsigned(newSoft, newHard) > 0) {
            return -Errno.EINVAL;
        }
        if (r == RLIMIT_NOFILE && Long.compareUnsigned(newHard, nrOpen) > 0) {
            return -Errno.EPERM;
        }
        if (Long.compareUnsigned(newHard, hard[r]) > 0) {
            return -Errno.EPERM;
        }
        soft[r] = newSoft;
        hard[r] = newHard;
        return 0;
    }

    /**
     * RLIMIT_CPU's soft limit reached: Linux (check_process_timers) sends
     * SIGXCPU and moves the soft limit one second on, so the next SIGXCPU
     * comes a second later; the hard limit is checked first and kills.
     */
    void advanceCpuSoftLimit() {
        if (soft[RLIMIT_CPU] != INFINITY) {
            soft[RLIMIT_CPU]++;
        }
    }
}
