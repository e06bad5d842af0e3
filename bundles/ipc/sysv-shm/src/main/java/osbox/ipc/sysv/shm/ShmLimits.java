package osbox.ipc.sysv.shm;

/**
 * The shared memory limits of /proc/sys/kernel: shmmax (the largest
 * segment, bytes), shmall (pages in all segments), shmmni (the most
 * segments) and shmmin (the smallest segment, bytes; Linux's SHMMIN, a
 * constant 1 there). shmmax and shmall are unsigned, as Linux's unsigned
 * long: Linux's defaults are ULONG_MAX - 2^24.
 */
record ShmLimits(long shmmax, long shmall, int shmmni, long shmmin) {
    /** Linux's SHMMAX and SHMALL: ULONG_MAX - 2^24. */
    static final long UNLIMITED = -1L - (1L << 24);
    static final ShmLimits LINUX = new ShmLimits(UNLIMITED, UNLIMITED, 4096, 1);

    /** Checks shmmni is in 1..32768 (IPCMNI), shmmin at least 1 and not above shmmax, shmall not 0. */
    ShmLimits {
        if (shmmni <= 0 || shmmni > 32768 || shmmin < 1 || Long.compareUnsigned(shmmin, shmmax) > 0 || shmall == 0) {
            throw new IllegalArgumentException("shared memory limits: shmmni must be 1..32768, shmmin 1..shmmax, "
                    + "shmall positive: shmmax " + Long.toUnsignedString(shmmax) + ", shmall "
                    + Long.toUnsignedString(shmall) + ", shmmni " + shmmni + ", shmmin " + shmmin);
        }
    }
}
