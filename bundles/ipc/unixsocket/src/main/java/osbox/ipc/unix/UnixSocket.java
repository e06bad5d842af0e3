package osbox.ipc.unix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import osbox.api.kernel.Errno;
import osbox.api.kernel.FileHandle;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitQueue;

/**
 * One end of a connected pair of Unix-domain sockets (Linux's
 * net/unix/af_unix.c, as socketpair makes them). A send puts a message in
 * the peer's receive queue: SOCK_STREAM readers take bytes across message
 * boundaries (stopping after a message that carries descriptors),
 * SOCK_DGRAM and SOCK_SEQPACKET readers one message each (the rest of a
 * longer one is lost: MSG_TRUNC). A receive queue holds at most
 * {@link #BUFFER} bytes; a stream send takes what room there is, a
 * datagram waits for room for all of it. Each socket has one wait queue:
 * its readers sleep there for messages, its writers for room in the peer,
 * and poll watches it. Shutdown follows Linux: SHUT_WR on one end is
 * SHUT_RD on a stream or seqpacket peer, and closing an end shuts its peer
 * both ways.
 */
final class UnixSocket implements OpenFile {
    static final int SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_RAW = 3, SOCK_SEQPACKET = 5;
    /** sk_shutdown bits: no more receiving, no more sending. */
    static final int RCV_SHUTDOWN = 1, SEND_SHUTDOWN = 2, SHUTDOWN_MASK = 3;
    static final int MSG_PEEK = 0x2, MSG_TRUNC = 0x20, MSG_DONTWAIT = 0x40, MSG_NOSIGNAL = 0x4000;
    /** poll's POLLRDHUP and POLLWRBAND (Linux's values). */
    static final int POLLRDHUP = 0x2000, POLLWRBAND = 0x200;
    /** The receive queue's limit in bytes, Linux's default SO_SNDBUF (212992). */
    static final int BUFFER = 212992;
    static final int S_IFSOCK = 0140000;

    final int type;
    final int id;
    final int creatorPid;
    final SocketOptions options = new SocketOptions();
    private final WaitQueue wait;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private UnixSocket peer;
    private int queued;
    private int shutdown;
    private boolean released;

    private UnixSocket(int type, int id, int creatorPid, WaitQueue wait) {
        this.type = type;
        this.id = id;
        this.creatorPid = creatorPid;
        this.wait = wait;
    }

    /** Two connected sockets of type, numbered id and id + 1, sleeping on their own queues. */
    static UnixSocket[] pair(int type, int id, int creatorPid, WaitQueue a, WaitQueue b) {
        UnixSocket s = new UnixSocket(type, id, creatorPid, a);
        UnixSocket t = new UnixSocket(type, id + 1, creatorPid, b);
        s.peer = t;
        t.peer = s;
        return new UnixSocket[] {s, t};
    }

    private boolean connectionOriented() {
        return type != SOCK_DGRAM;
    }

    /** Bytes waiting in this socket's receive queue. */
    int queued() {
        return queued;
    }

    /** Messages waiting in this socket's receive queue. */
    int messages() {
        return queue.size();
    }

    /**
     * Sends len bytes gathered from iov with the held descriptions rights
     * (taken over: closed on failure): the bytes sent, or a negative errno
     * (EPIPE, ECONNREFUSED, EMSGSIZE, EAGAIN, EFAULT) or RESTART after a
     * sleep for room. EPIPE raises SIGPIPE unless MSG_NOSIGNAL.
     */
    long send(SyscallContext c, Iovecs iov, List<FileHandle> rights, int flags) {
        long r = trySend(c, iov, rights, flags);
        if (r < 0 || r == SyscallHandler.RESTART) {
            for (FileHandle h : rights) {
                h.close();
            }
            if (r == -Errno.EPIPE && (flags & MSG_NOSIGNAL) == 0) {
                c.raiseSigpipe();
            }
        }
        return r;
    }

    // send's work; rights are the caller's to close unless the message took them.
    private long trySend(SyscallContext c, Iovecs iov, List<FileHandle> rights, int flags) {
        if ((shutdown & SEND_SHUTDOWN) != 0) {
            return -Errno.EPIPE;
        }
        if (peer.released) {
            return connectionOriented() ? -Errno.EPIPE : -Sockets.ECONNREFUSED;
        }
        long len = iov.total();
        if (type != SOCK_STREAM && len > BUFFER) {
            return -Sockets.EMSGSIZE;
        }
        int room = BUFFER - peer.queued;
        boolean fits = type == SOCK_STREAM ? room > 0 || len == 0 : room >= len;
        if (!fits) {
            if (c.nonBlocking() || (flags & MSG_DONTWAIT) != 0) {
                return -Errno.EAGAIN;
            }
            c.sleepOn(wait);
            return SyscallHandler.RESTART;
        }
        int n = (int) Math.min(len, room);
        if (type == SOCK_STREAM && n == 0 && rights.isEmpty()) {
            return 0;
        }
        byte[] data = iov.gather(c.memory(), n);
        if (data == null) {
            return -Errno.EFAULT;
        }
        peer.queue.addLast(new Message(data, new ArrayList<>(rights)));
        peer.queued += n;
        peer.wait.wakeAll();
        return n;
    }

    /**
     * Receives into iov: the bytes read (or, for a datagram with MSG_TRUNC
     * in flags, its whole length), 0 at end of file, a negative errno
     * (EAGAIN, EFAULT), or RESTART after a sleep. The descriptions that came
     * with the data go to got.rights (the caller installs and closes them);
     * got.truncated says a datagram was longer than iov.
     */
    long receive(SyscallContext c, Iovecs iov, int flags, Received got) {
        if (queue.isEmpty()) {
            if ((shutdown & RCV_SHUTDOWN) != 0) {
                return 0;
            }
            if (c.nonBlocking() || (flags & MSG_DONTWAIT) != 0) {
                return -Errno.EAGAIN;
            }
            c.sleepOn(wait);
            return SyscallHandler.RESTART;
        }
        boolean peek = (flags & MSG_PEEK) != 0;
        long room = iov.total();
        if (type != SOCK_STREAM) {
            Message m = queue.peekFirst();
            int n = (int) Math.min(room, m.data.length);
            if (!iov.scatter(c.memory(), m.data, 0, n)) {
                return -Errno.EFAULT;
            }
            got.truncated = n < m.data.length;
            if (!peek) {
                queue.removeFirst();
                queued -= m.data.length;
                got.rights.addAll(m.rights);
                wakePeer();
            }
            return (flags & MSG_TRUNC) != 0 ? m.data.length : n;
        }
        return receiveStream(c, iov, room, peek, got);
    }

    // A stream read: bytes from the queued messages in order, up to room, stopping after one with rights.
    private long receiveStream(SyscallContext c, Iovecs iov, long room, boolean peek, Received got) {
        byte[] out = new byte[(int) Math.min(room, queued)];
        int n = 0;
        List<Message> used = new ArrayList<>();
        for (Message m : queue) {
            if (n == out.length) {
                break;
            }
            if (!m.rights.isEmpty() && n > 0) {
                break;          // descriptors come with the first byte of their message
            }
            int k = Math.min(m.remaining(), out.length - n);
            System.arraycopy(m.data, m.taken, out, n, k);
            n += k;
            used.add(m);
            if (!m.rights.isEmpty()) {
                break;
            }
        }
        if (!iov.scatter(c.memory(), out, 0, n)) {
            return -Errno.EFAULT;
        }
        if (peek) {
            return n;
        }
        int left = n;
        for (Message m : used) {
            int k = Math.min(m.remaining(), left);
            m.taken += k;
            left -= k;
            got.rights.addAll(m.rights);
            m.rights.clear();
            if (m.remaining() == 0) {
                queue.removeFirst();
            }
        }
        queued -= n;
        wakePeer();
        return n;
    }

    // Room was made in this socket's queue: the peer's writers (asleep on the peer's queue) may go on.
    private void wakePeer() {
        peer.wait.wakeAll();
    }

    /**
     * shutdown(how): SHUT_RD (0), SHUT_WR (1), SHUT_RDWR (2) as sk_shutdown
     * bits; a stream or seqpacket peer gets the mirror image. Wakes both
     * ends' sleepers and pollers.
     */
    void shutdown(int how) {
        int mode = how + 1;             // SHUT_RD 0 -> RCV_SHUTDOWN, SHUT_WR 1 -> SEND, SHUT_RDWR 2 -> both
        shutdown |= mode;
        if (connectionOriented() && !peer.released) {
            int mirror = ((mode & RCV_SHUTDOWN) != 0 ? SEND_SHUTDOWN : 0)
                    | ((mode & SEND_SHUTDOWN) != 0 ? RCV_SHUTDOWN : 0);
            peer.shutdown |= mirror;
            peer.wait.wakeAll();
        }
        wait.wakeAll();
    }

    /**
     * unix_poll and unix_dgram_poll: POLLIN with a message waiting or
     * receiving shut down (then also POLLRDHUP), POLLHUP when shut both
     * ways, POLLOUT while the peer's queue is at most a quarter full
     * (unix_writable) or the peer is gone (a send fails at once).
     */
    @Override
    public int poll(Consumer<WaitQueue> waitOn) {
        if (waitOn != null) {
            waitOn.accept(wait);
        }
        int mask = 0;
        if ((shutdown & RCV_SHUTDOWN) != 0) {
            mask |= POLLRDHUP | POLLIN | POLLRDNORM;
        }
        if (shutdown == SHUTDOWN_MASK) {
            mask |= POLLHUP;
        }
        if (!queue.isEmpty()) {
            mask |= POLLIN | POLLRDNORM;
        }
        boolean writable = peer.released || (peer.queued << 2) <= BUFFER;     // a send to a gone peer fails at once
        if (writable) {
            mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
        }
        return mask;
    }

    @Override
    public long read(SyscallContext c, long buf, long len) {
        Received got = new Received();
        long r = receive(c, Iovecs.of(buf, len), 0, got);
        got.drop();             // read(2) has no room for descriptors: they are closed, as Linux does
        return r;
    }

    @Override
    public long write(SyscallContext c, long buf, long len) {
        return send(c, Iovecs.of(buf, len), List.of(), MSG_NOSIGNAL);   // write(2) raises SIGPIPE itself
    }

    @Override
    public int mode() {
        return S_IFSOCK | 0777;
    }

    /**
     * The last descriptor closed: the peer of a stream or seqpacket pair is
     * shut down both ways (end of file for its reader, EPIPE for its
     * writer); descriptions still queued here are closed.
     */
    @Override
    public void release() {
        released = true;
        shutdown = SHUTDOWN_MASK;
        if (connectionOriented()) {
            peer.shutdown = SHUTDOWN_MASK;
        }
        for (Message m : queue) {
            m.dropRights();
        }
        queue.clear();
        queued = 0;
        peer.wait.wakeAll();
        wait.wakeAll();
    }

    @Override
    public String describe() {
        return "socket:[" + id + "] " + typeName() + " (unix, peer socket:[" + peer.id + "])";
    }

    private String typeName() {
        return switch (type) {
            case SOCK_STREAM -> "SOCK_STREAM";
            case SOCK_DGRAM -> "SOCK_DGRAM";
            default -> "SOCK_SEQPACKET";
        };
    }

    /** What a receive brought besides bytes: descriptions to install, and whether a datagram was cut. */
    static final class Received {
        final List<FileHandle> rights = new ArrayList<>();
        boolean truncated;

        /** Closes every description not installed. */
        void drop() {
            for (FileHandle h : rights) {
                h.close();
            }
            rights.clear();
        }
    }
}
