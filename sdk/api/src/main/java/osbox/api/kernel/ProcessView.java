package osbox.api.kernel;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** A read-only view of a process control block. */
@ProviderType
public interface ProcessView {
    int pid();

    int ppid();

    /** The program name (argv[0]'s last path element). */
    String name();

    List<String> argv();

    ProcessState state();

    /** Cycle the process was created at. */
    long createdAt();

    /** Cycle it first ran at, or -1. */
    long firstRunAt();

    /** Cycle it exited at, or -1. */
    long exitedAt();

    /** Cycles spent running user code. */
    long cpuCycles();

    /** Instructions retired while it ran. */
    long instructions();

    long syscalls();

    long voluntarySwitches();

    long involuntarySwitches();

    /** The Linux wait status once a zombie (see {@link WaitStatus}), else -1. */
    int waitStatus();

    /** Why the kernel killed it (signal, pc, address), or null. */
    String killReport();

    /**
     * Its memory: resident set, swap, faults by kind, paging and TLB counters
     * (see {@link MemoryUsage}; after exit the counters keep their final
     * values). {@link MemoryUsage#NONE} when the kernel does not count them.
     */
    default MemoryUsage memory() {
        return MemoryUsage.NONE;
    }

    /** Its process group (setpgid); a kernel that has none answers the pid. Since 1.6. */
    default int pgid() {
        return pid();
    }

    /** Its session (setsid); 0 is the session of the launcher that starts processes from outside. Since 1.6. */
    default int sid() {
        return 0;
    }

    /**
     * Whether it blocks signal sig or ignores it (SIG_IGN): a terminal then
     * answers a background read with EIO instead of sending SIGTTIN, and
     * lets a background write through instead of sending SIGTTOU, as
     * Linux's tty_check_change does. False while the kernel keeps no
     * handlers or masks. Since 1.6.
     */
    default boolean blocksOrIgnores(int sig) {
        return false;
    }

    /** Its real user id (what a signal's si_uid names); a kernel that keeps no credentials answers root. Since 1.8. */
    default int uid() {
        return 0;
    }

    /** Its effective user id (the owner of what it creates, whose permission bits apply). Since 1.8. */
    default int euid() {
        return 0;
    }

    /** Its effective group id. Since 1.8. */
    default int egid() {
        return 0;
    }

    /** Its file mode creation mask (umask), which clears bits of the modes it creates with. Since 1.8. */
    default int umask() {
        return 0022;
    }

    /**
     * Its thread id: a view is one thread (the unit of execution) and
     * {@link #pid()} its process (the thread group id); the process's first
     * thread has tid == pid. A kernel without threads answers the pid.
     * Since 1.8.
     */
    default int tid() {
        return pid();
    }

    /** Whether gid is its effective group or one of its supplementary groups. Since 1.8. */
    default boolean inGroup(int gid) {
        return gid == egid();
    }
}
