package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.files.FileTable;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ResourceLimits;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * What getrlimit, setrlimit and prlimit64 share: Linux's do_prlimit (read
 * the old limits, set the new ones, make the kernel follow them) and the
 * user's {@code struct rlimit}, two unsigned 64-bit values (soft, hard).
 */
final class Rlimits {
    private Rlimits() {
    }

    /** A struct rlimit read from user memory at {@code addr}: {soft, hard}, or null (EFAULT). */
    static long[] read(SyscallFrame c, long addr) {
        long[] soft = new long[1];
        long[] hard = new long[1];
        if (!c.memory().readLong(addr, soft) || !c.memory().readLong(addr + 8, hard)) {
            return null;
        }
        return new long[] {soft[0], hard[0]};
    }

    /** Writes a struct rlimit {soft, hard} at {@code addr}; false (EFAULT) when it cannot. */
    static boolean write(SyscallFrame c, long addr, long[] limits) {
        return c.memory().writeLong(addr, limits[0]) && c.memory().writeLong(addr + 8, limits[1]);
    }

    /**
     * do_prlimit for process p: answers its old limits of {@code resource}
     * in {@code old} (when not null) and sets {@code next} {soft, hard} (when
     * not null), then makes the descriptor table and the dispatcher follow
     * them; 0 or a negative errno (EINVAL, EPERM) with nothing changed.
     */
    static int prlimit(SyscallFrame c, Process p, long resource, long[] next, long[] old) {
        if (!ResourceLimits.known(resource)) {
            return -Errno.EINVAL;
        }
        int r = (int) resource;
        ResourceLimits limits = p.limits();
        long oldSoft = limits.soft(r);
        long oldHard = limits.hard(r);
        if (next != null) {
            int e = limits.set(r, next[0], next[1]);
            if (e != 0) {
                return e;
            }
            follow(c, p, r);
        }
        if (old != null) {
            old[0] = oldSoft;
            old[1] = oldHard;
        }
        return 0;
    }

    // Makes the kernel enforce p's new limit of resource r at once.
    private static void follow(SyscallFrame c, Process p, int r) {
        if (r == ResourceLimits.RLIMIT_NOFILE) {
            p.files().setLimit((int) p.limits().softAtMost(r, FileTable.MAX));
        } else if (r == ResourceLimits.RLIMIT_CPU) {
            c.dispatcher().cpuLimitChanged(p);
        }
    }
}
