package osbox.ipc.sysv.shm;

/** The flags, mode bits and commands of the shm calls (Linux's include/uapi/linux/shm.h, riscv64). */
final class Shm {
    /** shmat flags. */
    static final int SHM_RDONLY = 010000, SHM_RND = 020000, SHM_REMAP = 040000, SHM_EXEC = 0100000;
    /** Mode bits of a segment beside the permissions: removed while attached, locked in memory. */
    static final int SHM_DEST = 01000, SHM_LOCKED = 02000;
    /** shmctl's own commands (IPC_RMID, IPC_SET, IPC_STAT, IPC_INFO are in Ipc). */
    static final int SHM_LOCK = 11, SHM_UNLOCK = 12, SHM_STAT = 13, SHM_INFO = 14, SHM_STAT_ANY = 15;
    /** The page size, and SHMLBA on riscv64 (asm-generic: one page). */
    static final long PAGE = 4096, SHMLBA = PAGE;
    /** Read, write and execute permission as shmat asks them (S_IRUGO, S_IWUGO, S_IXUGO). */
    static final int READ = 0444, WRITE = 0222, EXEC = 0111;
    /** Linux's mmap_min_addr: a fixed attachment below it is refused (EPERM). */
    static final long MMAP_MIN_ADDR = 4096;

    private Shm() {
    }

    /** Pages that hold size bytes; -1 when rounding up wraps (size near 2^64, unsigned). */
    static long pagesFor(long size) {
        long pages = Long.divideUnsigned(size, PAGE) + (Long.remainderUnsigned(size, PAGE) != 0 ? 1 : 0);
        return pages > Long.divideUnsigned(-1L, PAGE) ? -1 : pages;
    }
}
