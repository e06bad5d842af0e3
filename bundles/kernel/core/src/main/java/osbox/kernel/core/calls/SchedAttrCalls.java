package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * sched_setattr(pid, attr, flags) and sched_getattr(pid, attr, size, flags)
 * over Linux's struct sched_attr (size, policy, flags, nice, priority, the
 * SCHED_DEADLINE times, the utilisation clamps: 48 bytes in its first
 * version, 56 now): the class, rt_priority and nice of thread pid (0: the
 * caller) in one call. SCHED_DEADLINE is not modelled (EINVAL); the
 * deadline times and utilisation clamps read back as 0.
 */
public final class SchedAttrCalls {
    /** sched_attr's sizes: its first version and the one Linux fills now. */
    static final int SIZE_VER0 = 48, SIZE_NOW = 56;
    /** sched_flags: SCHED_FLAG_RESET_ON_FORK, KEEP_POLICY, KEEP_PARAMS, and every flag Linux knows. */
    static final long RESET_ON_FORK = 0x01, KEEP_POLICY = 0x08, KEEP_PARAMS = 0x10, KNOWN_FLAGS = 0x7f;
    private static final int PAGE = 4096;

    private SchedAttrCalls() {
    }

    /** sched_setattr. */
    public static final class Set implements KernelSyscall {
        @Override
        public long invoke(SyscallFrame c) {
            long pid = (int) c.arg(0);
            long uattr = c.arg(1);
            if (uattr == 0 || pid < 0 || c.arg(2) != 0) {
                return -Errno.EINVAL;
            }
            Integer size = osbox.kernel.core.futex.Futexes.readWord(c.memory(), uattr);
            if (size == null) {
                return -Errno.EFAULT;
            }
            long usize = size == 0 ? SIZE_VER0 : Integer.toUnsignedLong(size);
            if (usize < SIZE_VER0 || usize > PAGE || !tailIsZero(c, uattr, usize)) {
                c.memory().writeInt(uattr, SIZE_NOW);     // Linux tells the caller the size it knows
                return -Errno.E2BIG;
            }
            byte[] a = new byte[SIZE_VER0];
            if (!c.memory().read(uattr, a, 0, SIZE_VER0)) {
                return -Errno.EFAULT;
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(a).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int requested = b.getInt(4);
            long flags = b.getLong(8);
            int nice = Math.max(-20, Math.min(19, b.getInt(16)));
            long priority = Integer.toUnsignedLong(b.getInt(20));
            Process t = SchedClass.target(c, pid);
            if (t == null) {
                return -Errno.ESRCH;
            }
            int policy = (flags & KEEP_POLICY) != 0 ? t.schedPolicy() : requested;
            if ((flags & KEEP_PARAMS) != 0) {
                priority = t.rtPriority();
                nice = t.nice();
            }
            if ((flags & ~KNOWN_FLAGS) != 0 || !SchedClass.known(policy) || !SchedClass.validPriority(policy, priority)) {
                return -Errno.EINVAL;
            }
            boolean resetOnFork = (flags & RESET_ON_FORK) != 0;
            boolean fair = !SchedClass.realTime(policy);
            if (!SchedSetschedulerCall.permitted(c.process(), t, policy, (int) priority, resetOnFork)
                    || fair && nice < t.nice() && !SchedClass.mayLowerNice(c.process(), t, nice)) {
                return -Errno.EPERM;
            }
            SchedClass.apply(c, t, policy, (int) priority, resetOnFork, fair ? nice : t.nice());
            return 0;
        }

        // Linux's check_zeroed_user: what the caller's larger struct has beyond ours must be 0.
        private static boolean tailIsZero(SyscallFrame c, long uattr, long usize) {
            if (usize <= SIZE_NOW) {
                return true;
            }
            byte[] tail = new byte[(int) (usize - SIZE_NOW)];
            if (!c.memory().read(uattr + SIZE_NOW, tail, 0, tail.length)) {
                return false;
            }
            for (byte x : tail) {
                if (x != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** sched_getattr. */
    public static final class Get implements KernelSyscall {
        @Override
        public long invoke(SyscallFrame c) {
            long pid = (int) c.arg(0);
            long uattr = c.arg(1);
            long usize = c.arg(2) & 0xffff_ffffL;
            if (uattr == 0 || pid < 0 || usize > PAGE || usize < SIZE_VER0 || c.arg(3) != 0) {
                return -Errno.EINVAL;
            }
            Process t = SchedClass.target(c, pid);
            if (t == null) {
                return -Errno.ESRCH;
            }
            int n = (int) Math.min(usize, SIZE_NOW);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(SIZE_NOW).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.putInt(0, n).putInt(4, t.schedPolicy()).putLong(8, t.resetOnFork() ? RESET_ON_FORK : 0)
                    .putInt(16, SchedClass.realTime(t.schedPolicy()) ? 0 : t.nice()).putInt(20, t.rtPriority());
            return c.memory().write(uattr, b.array(), 0, n) ? 0 : -Errno.EFAULT;
        }
    }
}
