package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.proc.PollWait;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * pselect6(nfds, readfds, writefds, exceptfds, tsp, sig) as Linux's: the
 * timeout is read first (EFAULT, EINVAL), then sig, a struct of the mask's
 * pointer and size (EFAULT; the mask as ppoll's), then nfds (an int:
 * negative is EINVAL; it is cut to the descriptor table's size) and the
 * three fd_sets (absent ones empty; EFAULT). A descriptor in a set that is
 * not open answers EBADF. A descriptor is readable with POLLIN, POLLHUP or
 * POLLERR, writable with POLLOUT or POLLERR, exceptional with POLLPRI (which
 * no osbox file raises). With none ready the caller sleeps as in ppoll.
 * Returns the number of bits left set, after writing the sets back (EFAULT)
 * and the time left to tsp.
 */
public final class Pselect6Call implements KernelSyscall {
    static final int IN_SET = OpenFile.POLLIN | OpenFile.POLLRDNORM | OpenFile.POLLHUP | OpenFile.POLLERR;
    static final int OUT_SET = OpenFile.POLLOUT | OpenFile.POLLWRNORM | OpenFile.POLLERR;
    static final int EX_SET = OpenFile.POLLPRI;
    private static final int[] WANTS = {IN_SET, OUT_SET, EX_SET};

    @Override
    public long invoke(SyscallFrame c) {
        return PollScan.run(c, c.arg(4), Pselect6Call::select);
    }

    // The call after the opening PollScan.run does: the mask, the sets, the scan, the sleep or the answer.
    private static long select(SyscallFrame c, PollScan.Start start) {
        PollWait w = start.sleep();
        long tsp = c.arg(4);
        long deadline = start.deadline();
        boolean restart = start.restart();
        if (c.arg(5) != 0) {
            long[] ss = new long[1];
            long[] size = new long[1];
            if (!c.memory().readLong(c.arg(5), ss) || !c.memory().readLong(c.arg(5) + 8, size)) {
                return -Errno.EFAULT;
            }
            long mask = PollScan.sigmask(c, ss[0], size[0]);
            if (mask != 0) {
                return mask;
            }
        }
        int nfds = (int) c.arg(0);
        if (nfds < 0) {
            return -Errno.EINVAL;
        }
        int n = Math.min(nfds, c.process().files().limit());
        int words = (n + 63) / 64;
        long[][] sets = new long[3][];
        for (int s = 0; s < 3; s++) {
            long addr = c.arg(1 + s);
            if (addr != 0) {
                sets[s] = new long[words];
                long[] v = new long[1];
                for (int i = 0; i < words; i++) {
                    if (!c.memory().readLong(addr + 8L * i, v)) {
                        return -Errno.EFAULT;
                    }
                    sets[s][i] = v[0];
                }
            }
        }
        long[][] result = new long[3][words];
        long ready = scan(c, sets, result, n, null);
        if (ready < 0) {
            return ready;
        }
        if (ready == 0 && !PollScan.timedOut(c, deadline)) {
            scan(c, sets, result, n, w); // watch every file's queues, then sleep
            return PollScan.sleep(c, w, deadline);
        }
        for (int s = 0; s < 3; s++) {
            long addr = c.arg(1 + s);
            for (int i = 0; addr != 0 && i < words; i++) {
                if (!c.memory().writeLong(addr + 8L * i, result[s][i])) {
                    return -Errno.EFAULT;
                }
            }
        }
        PollScan.writeRemaining(c, tsp, deadline, !restart && deadline == c.now());
        return ready;
    }

    // Sets in result each asked-for bit whose file is ready; returns the number set, or -EBADF for a
    // descriptor asked about that is not open. With w, the files' queues are watched.
    private static long scan(SyscallFrame c, long[][] sets, long[][] result, int n, PollWait w) {
        long ready = 0;
        for (int fd = 0; fd < n; fd++) {
            int word = fd >>> 6;
            long bit = 1L << (fd & 63);
            boolean asked = false;
            for (long[] s : sets) {
                asked |= s != null && (s[word] & bit) != 0;
            }
            if (!asked) {
                continue;
            }
            FileRef f = c.process().files().get(fd);
            if (f == null) {
                return -Errno.EBADF;
            }
            int mask = PollScan.readiness(c, f.file, w);
            for (int s = 0; s < 3; s++) {
                if (sets[s] != null && (sets[s][word] & bit) != 0 && (mask & WANTS[s]) != 0) {
                    result[s][word] |= bit;
                    ready++;
                }
            }
        }
        return ready;
    }
}
