package osbox.ipc.epoll;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.WaitQueue;

/**
 * An epoll instance (Linux's fs/eventpoll.c): an interest list of files
 * keyed by descriptor, and a ready list in the order the files' queues were
 * woken. A wait takes the ready list in order: an entry whose file has none
 * of its events now leaves it; a level-triggered one is reported and goes
 * back to the end of the list; an edge-triggered one (EPOLLET) is reported
 * once per wake-up; a one-shot one (EPOLLONESHOT) is then disabled until
 * EPOLL_CTL_MOD. Waiters and pollers of the instance sleep on its own
 * queue, woken with any entry. An entry whose descriptor no longer refers
 * to its file in the waiting process is dropped at the next wait (Linux
 * drops it when the file's last descriptor closes).
 */
final class EpollFile implements OpenFile {
    static final int EPOLLIN = 0x1, EPOLLPRI = 0x2, EPOLLOUT = 0x4, EPOLLERR = 0x8, EPOLLHUP = 0x10,
            EPOLLRDNORM = 0x40, EPOLLRDBAND = 0x80, EPOLLWRNORM = 0x100, EPOLLWRBAND = 0x200, EPOLLMSG = 0x400,
            EPOLLRDHUP = 0x2000, EPOLLEXCLUSIVE = 1 << 28, EPOLLWAKEUP = 1 << 29, EPOLLONESHOT = 1 << 30,
            EPOLLET = 1 << 31;
    /** The bits that are not events (Linux's EP_PRIVATE_BITS): a one-shot entry keeps only these. */
    static final int PRIVATE_BITS = EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE;
    /** How deep epoll instances may watch each other (Linux's EP_MAX_NESTS). */
    static final int MAX_NESTS = 4;

    final int id;
    private final WaitQueue wait;
    private final Map<Integer, Interest> interest = new LinkedHashMap<>();
    private final ArrayDeque<Interest> readyList = new ArrayDeque<>();

    EpollFile(int id, WaitQueue wait) {
        this.id = id;
        this.wait = wait;
    }

    /** The queue its waiters sleep on. */
    WaitQueue queue() {
        return wait;
    }

    /** The entry for fd, or null. */
    Interest entry(int fd) {
        return interest.get(fd);
    }

    /** EPOLL_CTL_ADD: watches file under fd; it goes on the ready list at once if already ready. */
    void add(int fd, OpenFile file, int events, long data) {
        Interest e = new Interest(fd, file, events | EPOLLERR | EPOLLHUP, data);
        interest.put(fd, e);
        int now = e.poll(() -> woken(e));
        if ((now & e.events) != 0) {
            enqueue(e);
            wait.wakeAll();
        }
    }

    /** EPOLL_CTL_MOD: new events and data; ready again at once if the file has them now. */
    void modify(Interest e, int events, long data) {
        e.events = events | EPOLLERR | EPOLLHUP;
        e.data = data;
        if ((e.poll(null) & e.events) != 0) {
            enqueue(e);
            wait.wakeAll();
        }
    }

    /** EPOLL_CTL_DEL. */
    void remove(Interest e) {
        e.unwatch();
        interest.remove(e.fd);
        if (e.ready) {
            readyList.remove(e);
            e.ready = false;
        }
    }

    // A queue of e's file was woken: e may be ready (ep_poll_callback), and so may this instance.
    private void woken(Interest e) {
        if ((e.events & ~PRIVATE_BITS) == 0) {
            return;         // a disabled one-shot entry
        }
        enqueue(e);
        wait.wakeAll();
    }

    private void enqueue(Interest e) {
        if (!e.ready) {
            e.ready = true;
            readyList.addLast(e);
        }
    }

    /** One reported event: the file's events and the user's data. */
    record Event(int events, long data) {
    }

    /**
     * ep_send_events: up to max events from the ready list, for the caller
     * c (entries whose descriptor is no longer their file in c's table are
     * dropped first).
     */
    List<Event> collect(SyscallContext c, int max) {
        List<Event> out = new ArrayList<>();
        List<Interest> again = new ArrayList<>();
        int n = readyList.size();
        for (int i = 0; i < n && out.size() < max; i++) {
            Interest e = readyList.pollFirst();
            e.ready = false;
            if (c.file(e.fd) != e.file) {
                remove(e);
                continue;
            }
            int revents = e.poll(null) & e.events;
            if (revents == 0) {
                continue;
            }
            out.add(new Event(revents, e.data));
            if ((e.events & EPOLLONESHOT) != 0) {
                e.events &= PRIVATE_BITS;
            } else if ((e.events & EPOLLET) == 0) {
                again.add(e);
            }
        }
        for (Interest e : again) {
            enqueue(e);
        }
        return out;
    }

    /** Whether a wait would find something now (ep_events_available, checked against the files). */
    boolean anyReady() {
        for (Interest e : readyList) {
            if ((e.poll(null) & e.events & ~PRIVATE_BITS) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this instance watches target, directly or through instances
     * it watches, or the chain is deeper than {@link #MAX_NESTS}: adding
     * target to this would then be ELOOP.
     */
    boolean reaches(EpollFile target, int depth) {
        if (depth > MAX_NESTS) {
            return true;
        }
        for (Interest e : interest.values()) {
            if (e.file == target || (e.file instanceof EpollFile inner && inner.reaches(target, depth + 1))) {
                return true;
            }
        }
        return false;
    }

    /** An epoll instance is readable when a wait would report something; its queue wakes with any entry. */
    @Override
    public int poll(Consumer<WaitQueue> waitOn) {
        if (waitOn != null) {
            waitOn.accept(wait);
        }
        return anyReady() ? POLLIN | POLLRDNORM : 0;
    }

    @Override
    public long read(SyscallContext c, long buf, long len) {
        return -Errno.EINVAL;
    }

    @Override
    public long write(SyscallContext c, long buf, long len) {
        return -Errno.EINVAL;
    }

    /** An anonymous inode, rw for the owner. */
    @Override
    public int mode() {
        return 0600;
    }

    /** The last descriptor closed: every watch on the files' queues goes. */
    @Override
    public void release() {
        for (Interest e : interest.values()) {
            e.unwatch();
        }
        interest.clear();
        readyList.clear();
        wait.wakeAll();
    }

    @Override
    public String describe() {
        return "anon_inode:[eventpoll] " + id + " watching " + interest.size();
    }
}
