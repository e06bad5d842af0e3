package osbox.kernel.core.calls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.proc.PollWait;
import osbox.kernel.core.proc.ResourceLimits;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * ppoll(fds, nfds, tsp, sigmask, sigsetsize) as Linux's: the timeout is
 * read first (EFAULT, EINVAL), then the signal mask (EINVAL unless
 * sigsetsize is 8, EFAULT), then nfds (an unsigned int) is checked against
 * RLIMIT_NOFILE (EINVAL) and the struct pollfd array read (EFAULT). Each
 * entry's revents is its file's readiness among its events, POLLERR and
 * POLLHUP (a negative fd: 0; a closed one: POLLNVAL). With none ready the
 * caller sleeps until one of the files may have become ready or the
 * timeout passes in simulated time (no timeout: until ready; a zero one:
 * no sleep). Returns how many entries have revents, after writing every
 * revents back (EFAULT) and the time left to tsp.
 */
public final class PpollCall implements KernelSyscall {
    static final int POLLFD = 8;

    @Override
    public long invoke(SyscallFrame c) {
        return PollScan.run(c, c.arg(2), PpollCall::poll);
    }

    // The call after the opening PollScan.run does: the mask, the array, the scan, the sleep or the answer.
    private static long poll(SyscallFrame c, PollScan.Start start) {
        PollWait w = start.sleep();
        long tsp = c.arg(2);
        long deadline = start.deadline();
        boolean restart = start.restart();
        long mask = PollScan.sigmask(c, c.arg(3), c.arg(4));
        if (mask != 0) {
            return mask;
        }
        long nfds = c.arg(1) & 0xffff_ffffL;
        if (nfds > c.process().limits().soft(ResourceLimits.RLIMIT_NOFILE)) {
            return -Errno.EINVAL;
        }
        byte[] raw = new byte[(int) nfds * POLLFD];
        if (!c.memory().read(c.arg(0), raw, 0, raw.length)) {
            return -Errno.EFAULT;
        }
        ByteBuffer fds = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        boolean mayWait = !PollScan.timedOut(c, deadline);
        int ready = scan(c, fds, (int) nfds, null);
        if (ready == 0 && mayWait) {
            scan(c, fds, (int) nfds, w); // watch every file's queues, then sleep
            return PollScan.sleep(c, w, deadline);
        }
        if (!c.memory().write(c.arg(0), raw, 0, raw.length)) {
            return -Errno.EFAULT;
        }
        PollScan.writeRemaining(c, tsp, deadline, !restart && deadline == c.now());
        return ready;
    }

    // Fills in every entry's revents; returns how many are nonzero. With w, the files' queues are watched.
    private static int scan(SyscallFrame c, ByteBuffer fds, int n, PollWait w) {
        int ready = 0;
        for (int i = 0; i < n; i++) {
            int fd = fds.getInt(i * POLLFD);
            int events = fds.getShort(i * POLLFD + 4) & 0xffff;
            int revents = 0;
            if (fd >= 0) {
                FileRef f = c.process().files().get(fd);
                revents = f == null ? OpenFile.POLLNVAL
                        : PollScan.readiness(c, f.file, w) & (events | OpenFile.POLLERR | OpenFile.POLLHUP);
            }
            fds.putShort(i * POLLFD + 6, (short) revents);
            if (revents != 0) {
                ready++;
            }
        }
        return ready;
    }
}
