package osbox.ipc.epoll;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * epoll_pwait(epfd, events, maxevents, timeout, sigmask, sigsetsize) in
 * Linux's order: the signal mask as ppoll's (EINVAL, EFAULT; in place for
 * the call), maxevents 1..INT_MAX/16 (EINVAL), the events array in the user
 * half (EFAULT), epfd (EBADF; not an instance: EINVAL). Ready events are
 * written as struct epoll_event (16 bytes: u32 events, u64 data at 8) and
 * counted; with none the caller sleeps on the instance until an entry is
 * woken or timeout milliseconds of simulated time pass (negative: no
 * timeout; 0: no sleep). glibc's epoll_wait is this call on riscv64.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + EpollPwaitCall.NUMBER,
        SyscallHandler.NAME + "=epoll_pwait", SyscallHandler.STATUS + "=full"})
public final class EpollPwaitCall implements SyscallHandler {
    static final int NUMBER = 22;
    static final int EVENT_SIZE = 16;
    static final long MAX_EVENTS = Integer.MAX_VALUE / EVENT_SIZE;
    /** The top of the user half of Sv39: the events array must lie below. */
    static final long USER_TOP = 0x40_0000_0000L;

    // the deadline each sleeping caller's first run computed, by pid (looked up, never iterated)
    private final Map<Integer, Long> deadlines = new HashMap<>();

    @Override
    public long invoke(SyscallContext c) {
        int pid = c.process().pid();
        long r = waitFor(c, pid);
        if (r != RESTART) {
            deadlines.remove(pid);
            c.restoreSigmask();
        }
        return r;
    }

    // The call; invoke forgets the deadline and puts the signal mask back when it returns.
    private long waitFor(SyscallContext c, int pid) {
        long mask = c.replaceSigmask(c.arg(4), c.arg(5));
        if (mask != 0) {
            return mask;
        }
        int max = (int) c.arg(2);
        if (max <= 0 || max > MAX_EVENTS) {
            return -Errno.EINVAL;
        }
        long events = c.arg(1);
        long bytes = (long) max * EVENT_SIZE;
        if (Long.compareUnsigned(events, USER_TOP - bytes) > 0) {
            return -Errno.EFAULT;
        }
        var f = c.file(c.arg(0));
        if (f == null) {
            return -Errno.EBADF;
        }
        if (!(f instanceof EpollFile ep)) {
            return -Errno.EINVAL;
        }
        long deadline = deadline(c, pid, (int) c.arg(3));
        List<EpollFile.Event> ready = ep.collect(c, max);
        if (ready.isEmpty()) {
            if (c.now() >= deadline) {
                return 0;
            }
            c.sleepOnUntil(ep.queue(), deadline);
            return RESTART;
        }
        for (int i = 0; i < ready.size(); i++) {
            long at = events + (long) i * EVENT_SIZE;
            if (!c.memory().writeInt(at, ready.get(i).events()) || !c.memory().writeInt(at + 4, 0)
                    || !c.memory().writeLong(at + 8, ready.get(i).data())) {
                return i > 0 ? i : -Errno.EFAULT;
            }
        }
        return ready.size();
    }

    // The cycle the wait ends at (Long.MAX_VALUE: never), computed by the first run and kept for restarts.
    private long deadline(SyscallContext c, int pid, int timeoutMs) {
        Long kept = deadlines.get(pid);
        if (c.woken() && kept != null) {
            return kept;
        }
        long d = timeoutMs < 0 ? Long.MAX_VALUE : c.now() + timeoutMs * (c.frequencyHz() / 1000);
        deadlines.put(pid, d);
        return d;
    }
}
