package osbox.kernel.core.calls;

/**
 * Linux riscv64 numbers of kernel calls that {@link osbox.api.kernel.Syscalls}
 * does not name (yet): kept here so the API package need not change for
 * each call the kernel adds.
 */
final class AbiNumbers {
    static final int PSELECT6 = 72, SETREGID = 143, SETGID = 144, SETREUID = 145, SETUID = 146, SETRESUID = 147,
            SETRESGID = 149, SETFSUID = 151, SETFSGID = 152, GETGROUPS = 158, SETGROUPS = 159, GETRUSAGE = 165,
            RISCV_HWPROBE = 258, SCHED_SETPARAM = 118, SCHED_SETSCHEDULER = 119, SCHED_GETSCHEDULER = 120,
            SCHED_GETPARAM = 121, SCHED_GET_PRIORITY_MAX = 125, SCHED_GET_PRIORITY_MIN = 126, SETPRIORITY = 140,
            GETPRIORITY = 141, SCHED_SETATTR = 274, SCHED_GETATTR = 275, IOPRIO_SET = 30, IOPRIO_GET = 31,
            FDATASYNC = 83;

    private AbiNumbers() {
    }
}
