package osbox.api.kernel;

/**
 * Linux riscv64 system-call numbers (the asm-generic table). Calls Linux
 * lacks take numbers from {@link #OSBOX_PRIVATE_BASE} upward.
 */
public final class Syscalls {
    public static final int GETCWD = 17, DUP = 23, DUP3 = 24, FCNTL = 25, IOCTL = 29, MKDIRAT = 34,
            UNLINKAT = 35, FTRUNCATE = 46, FACCESSAT = 48, CHDIR = 49, OPENAT = 56, CLOSE = 57, PIPE2 = 59,
            GETDENTS64 = 61, LSEEK = 62, READ = 63, WRITE = 64, READV = 65, WRITEV = 66, PREAD64 = 67,
            PWRITE64 = 68, PPOLL = 73, READLINKAT = 78, NEWFSTATAT = 79, FSTAT = 80, FSYNC = 82, EXIT = 93,
            EXIT_GROUP = 94, SET_TID_ADDRESS = 96, FUTEX = 98, SET_ROBUST_LIST = 99, NANOSLEEP = 101,
            CLOCK_GETTIME = 113, CLOCK_GETRES = 114, CLOCK_NANOSLEEP = 115, SCHED_YIELD = 124, KILL = 129,
            TKILL = 130, TGKILL = 131, SIGALTSTACK = 132, RT_SIGACTION = 134, RT_SIGPROCMASK = 135,
            GETRESUID = 148, GETRESGID = 150, TIMES = 153, SETPGID = 154, GETPGID = 155, GETSID = 156, SETSID = 157, UNAME = 160, GETRLIMIT = 163,
            SETRLIMIT = 164, UMASK = 166, PRCTL = 167, GETTIMEOFDAY = 169, GETPID = 172, GETPPID = 173,
            GETUID = 174, GETEUID = 175, GETGID = 176, GETEGID = 177, GETTID = 178, SYSINFO = 179,
            MSGGET = 186, MSGCTL = 187, MSGRCV = 188, MSGSND = 189, SEMGET = 190, SEMCTL = 191,
            SEMTIMEDOP = 192, SEMOP = 193, SHMGET = 194, SHMCTL = 195, SHMAT = 196, SHMDT = 197, BRK = 214,
            MUNMAP = 215, MREMAP = 216, CLONE = 220, EXECVE = 221, MMAP = 222, MPROTECT = 226, MADVISE = 233,
            WAIT4 = 260, PRLIMIT64 = 261, GETRANDOM = 278, RSEQ = 293;

    /** First number of osbox's private range (RPC, DSM, checkpoint...). */
    public static final int OSBOX_PRIVATE_BASE = 1024;

    /** Size of a syscall table covering Linux and the private range. */
    public static final int TABLE_SIZE = 2048;

    private Syscalls() {
    }
}
