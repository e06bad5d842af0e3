package osbox.kernel.core.calls;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * prctl(option, arg2, arg3, arg4, arg5): the options programs commonly use,
 * each as Linux's sys_prctl checks it (option is an int; an option osbox
 * does not know answers EINVAL, as Linux answers an unknown one):
 * PR_SET_NAME and PR_GET_NAME (the command name, 16 bytes with its NUL),
 * PR_SET_PDEATHSIG and PR_GET_PDEATHSIG, PR_GET_DUMPABLE and
 * PR_SET_DUMPABLE, PR_GET_KEEPCAPS and PR_SET_KEEPCAPS, PR_SET_NO_NEW_PRIVS
 * and PR_GET_NO_NEW_PRIVS.
 */
public final class PrctlCall implements KernelSyscall {
    static final int PR_SET_PDEATHSIG = 1, PR_GET_PDEATHSIG = 2, PR_GET_DUMPABLE = 3, PR_SET_DUMPABLE = 4,
            PR_GET_KEEPCAPS = 7, PR_SET_KEEPCAPS = 8, PR_SET_NAME = 15, PR_GET_NAME = 16,
            PR_SET_NO_NEW_PRIVS = 38, PR_GET_NO_NEW_PRIVS = 39;
    /** sizeof(task->comm): 15 bytes of name and a NUL. */
    static final int TASK_COMM_LEN = 16;
    static final int NSIG = 64;

    /** One option's handler: the caller's frame and process, the result. */
    private interface Option {
        long apply(SyscallFrame c, Process p);
    }

    private static final Map<Integer, Option> OPTIONS = Map.of(
            PR_SET_PDEATHSIG, PrctlCall::setPdeathSig,
            PR_GET_PDEATHSIG, (c, p) -> c.memory().writeInt(c.arg(1), p.pdeathSig()) ? 0 : -Errno.EFAULT,
            PR_GET_DUMPABLE, (c, p) -> p.dumpable() ? 1 : 0,
            PR_SET_DUMPABLE, (c, p) -> setFlag(c.arg(1), p::setDumpable),
            PR_GET_KEEPCAPS, (c, p) -> p.keepCaps() ? 1 : 0,
            PR_SET_KEEPCAPS, (c, p) -> setFlag(c.arg(1), p::setKeepCaps),
            PR_SET_NAME, PrctlCall::setName,
            PR_GET_NAME, PrctlCall::getName,
            PR_SET_NO_NEW_PRIVS, PrctlCall::setNoNewPrivs,
            PR_GET_NO_NEW_PRIVS, (c, p) -> (c.arg(1) | c.arg(2) | c.arg(3) | c.arg(4)) != 0 ? -Errno.EINVAL
                    : p.noNewPrivs() ? 1 : 0);

    @Override
    public long invoke(SyscallFrame c) {
        Option o = OPTIONS.get((int) c.arg(0));
        return o == null ? -Errno.EINVAL : o.apply(c, c.process());
    }

    // PR_SET_PDEATHSIG: a valid signal number (0: none), else EINVAL.
    private static long setPdeathSig(SyscallFrame c, Process p) {
        long sig = c.arg(1);
        if (Long.compareUnsigned(sig, NSIG) > 0) {
            return -Errno.EINVAL;
        }
        p.setPdeathSig((int) sig);
        return 0;
    }

    // PR_SET_DUMPABLE and PR_SET_KEEPCAPS: 0 or 1, else EINVAL.
    private static long setFlag(long value, java.util.function.Consumer<Boolean> set) {
        if (Long.compareUnsigned(value, 1) > 0) {
            return -Errno.EINVAL;
        }
        set.accept(value == 1);
        return 0;
    }

    // PR_SET_NAME: up to 15 bytes of the string at arg2 (longer names are cut, as Linux's strncpy_from_user).
    private static long setName(SyscallFrame c, Process p) {
        byte[] name = new byte[TASK_COMM_LEN - 1];
        byte[] one = new byte[1];
        int n = 0;
        while (n < name.length) {
            if (!c.memory().read(c.arg(1) + n, one, 0, 1)) {
                return -Errno.EFAULT;
            }
            if (one[0] == 0) {
                break;
            }
            name[n++] = one[0];
        }
        p.setComm(new String(name, 0, n, StandardCharsets.UTF_8));
        return 0;
    }

    // PR_GET_NAME: the name's first 15 bytes and a NUL, 16 bytes in all (zero-padded) at arg2.
    private static long getName(SyscallFrame c, Process p) {
        byte[] comm = new byte[TASK_COMM_LEN];
        byte[] name = p.name().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, comm, 0, Math.min(name.length, TASK_COMM_LEN - 1));
        return c.memory().write(c.arg(1), comm, 0, TASK_COMM_LEN) ? 0 : -Errno.EFAULT;
    }

    // PR_SET_NO_NEW_PRIVS: arg2 must be 1 and the rest 0; it cannot be unset.
    private static long setNoNewPrivs(SyscallFrame c, Process p) {
        if (c.arg(1) != 1 || (c.arg(2) | c.arg(3) | c.arg(4)) != 0) {
            return -Errno.EINVAL;
        }
        p.setNoNewPrivs();
        return 0;
    }
}
