package osbox.ipc.sysv.sem;

/**
 * The semaphore limits of /proc/sys/kernel/sem: semmsl (semaphores per
 * set), semmns (semaphores in all sets), semopm (operations per semop),
 * semmni (sets). Linux's defaults.
 */
record SemLimits(int semmsl, int semmns, int semopm, int semmni) {
    static final SemLimits LINUX = new SemLimits(32000, 1_024_000_000, 500, 32000);
    /** The largest semaphore value, and of an undo adjustment (SEMVMX, SEMAEM). */
    static final int SEMVMX = 32767;

    /** Checks each limit is positive and semmni at most 32768 (IPCMNI). */
    SemLimits {
        if (semmsl <= 0 || semmns <= 0 || semopm <= 0 || semmni <= 0 || semmni > 32768) {
            throw new IllegalArgumentException("semaphore limits must be positive, semmni at most 32768: semmsl "
                    + semmsl + ", semmns " + semmns + ", semopm " + semopm + ", semmni " + semmni);
        }
    }
}
