package osbox.ipc.posixmq;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Machine;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.ipc.HandedOverFile;
import osbox.api.ipc.IpcObjectInfo;
import osbox.api.ipc.IpcTable;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;
import osbox.ipc.sysv.common.IpcHandOver;

/**
 * The message-queue namespace (Linux's mqueue file system of one IPC
 * namespace): the queues by name, the limits, what each user's queues
 * cost against RLIMIT_MSGQUEUE, and the notifications. The handlers of
 * the six calls share it. Its limits come from Config Admin (pid
 * {@value #PID}) and are applied on the simulation thread at its next
 * safe point. Simulation thread only, except the configuration methods.
 */
@Component(service = {MqNamespace.class, IpcTable.class}, configurationPid = MqNamespace.PID)
@Designate(ocd = MqNamespace.Config.class)
public final class MqNamespace implements IpcTable {
    static final String PID = "osbox.ipc.posixmq";
    private static final Logger LOG = LoggerFactory.getLogger(MqNamespace.class);

    /** The limits, as /proc/sys/fs/mqueue and RLIMIT_MSGQUEUE (Linux's defaults). */
    @ObjectClassDefinition(name = "osbox POSIX message queues")
    public @interface Config {
        @AttributeDefinition(description = "Queues an unprivileged user may create (fs.mqueue.queues_max)")
        int queues_max() default 256;

        @AttributeDefinition(description = "Most messages an unprivileged user's queue may hold (fs.mqueue.msg_max)")
        int msg_max() default 10;

        @AttributeDefinition(description = "Largest message of an unprivileged user's queue, bytes "
                + "(fs.mqueue.msgsize_max)")
        int msgsize_max() default 8192;

        @AttributeDefinition(description = "mq_maxmsg of a queue created without attributes (fs.mqueue.msg_default)")
        int msg_default() default 10;

        @AttributeDefinition(description = "mq_msgsize of a queue created without attributes "
                + "(fs.mqueue.msgsize_default)")
        int msgsize_default() default 8192;

        @AttributeDefinition(description = "Bytes every user's queues may take together (RLIMIT_MSGQUEUE)")
        long rlimit_msgqueue() default 819_200;
    }

    private final Kernel kernel;
    private final Machine machine;
    private final TreeMap<String, MessageQueue> byName = new TreeMap<>();
    private final TreeMap<Integer, Long> chargedByUid = new TreeMap<>();
    /** Every open description by its handle: what a snapshot hands over with the queues. */
    private final TreeMap<Long, MqFile> files = new TreeMap<>();
    private long nextHandle;
    private MqLimits limits = MqLimits.LINUX;

    /** The namespace, empty, with Linux's default limits until its configuration comes. */
    @Activate
    public MqNamespace(@Reference(name = "kernel") Kernel kernel, @Reference(name = "machine") Machine machine) {
        this.kernel = kernel;
        this.machine = machine;
    }

    /**
     * Activation (framework thread): the configured limits, then the state
     * a previous revision of this bundle left in its data area when it
     * stopped (an update), restored at the next safe point, before any
     * handler of the new revision is bound (the kernel binds them at a
     * later safe point): the queues, and the descriptions descriptors
     * still hold, which this revision takes over ({@link #takeOver}).
     */
    @Activate
    void activate(Config config, BundleContext context) {
        configure(config);
        IpcHandOver.restore(context, machine, PID, this::importState);
    }

    /**
     * Deactivation (framework thread: the bundle stops or is updated; its
     * handlers have left the kernel): the state is exported at a safe
     * point and left in the bundle's data area for the next revision, and
     * every sleeper and poller of this revision's queues is let go, so its
     * call runs again under the successor (the kernel holds it until the
     * successor's handlers are bound).
     */
    @Deactivate
    void deactivate(BundleContext context) {
        IpcHandOver.save(context, machine, PID, this::handOver);
    }

    // The export of a revision that goes: sleepers and pollers wake to run again under the successor.
    private byte[] handOver() {
        byte[] state = exportState();
        java.util.Set<MessageQueue> queues = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        queues.addAll(byName.values());
        for (MqFile f : files.values()) {
            queues.add(f.queue);
        }
        for (MessageQueue q : queues) {
            q.senders.wakeAll();
            q.receivers.wakeAll();
            q.pollers.wakeAll();
        }
        return state;
    }

    /** Config Admin's limits (framework thread): checked here, applied on the simulation thread. */
    @Modified
    void configure(Config config) {
        MqLimits next = new MqLimits(config.queues_max(), config.msg_max(), config.msgsize_max(),
                config.msg_default(), config.msgsize_default(), config.rlimit_msgqueue());
        String why = next.invalid();
        if (why != null) {
            LOG.warn("osbox: {}: {}; the limits stay as they were", PID, why);
            return;
        }
        machine.submit(() -> limits = next);
    }

    /** The limits in force. */
    MqLimits limits() {
        return limits;
    }

    /** Replaces the limits (simulation thread; tests and the configuration). */
    void setLimits(MqLimits next) {
        String why = next.invalid();
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        limits = next;
    }

    /** The queue a name refers to, or null. */
    MessageQueue lookup(String name) {
        return byName.get(name);
    }

    /**
     * Creates queue {@code name} for {@code creator} (mq_open with O_CREAT
     * of a name not in use): maxmsg and msgsize as given, or the defaults
     * when {@code attr} is null. Returns the queue, or a negative errno
     * in {@code error[0]}: EINVAL for attributes out of the limits, ENOSPC
     * past queues_max, EMFILE past RLIMIT_MSGQUEUE.
     */
    MessageQueue create(String name, int mode, long[] attr, ProcessView creator, long[] error) {
        boolean privileged = creator.euid() == 0;
        long maxmsg = limits.msgDefault();
        long msgsize = limits.msgsizeDefault();
        if (attr != null) {
            maxmsg = attr[1];
            msgsize = attr[2];
            if (maxmsg <= 0 || msgsize <= 0
                    || maxmsg > (privileged ? MqLimits.HARD_MSGMAX : limits.msgMax())
                    || msgsize > (privileged ? MqLimits.HARD_MSGSIZEMAX : limits.msgsizeMax())) {
                error[0] = -Errno.EINVAL;
                return null;
            }
        }
        if (!privileged && byName.size() >= limits.queuesMax()) {
            error[0] = -Errno.ENOSPC;
            return null;
        }
        long cost = MqLimits.cost(maxmsg, msgsize);
        long charged = chargedByUid.getOrDefault(creator.uid(), 0L);
        if (charged + cost > limits.rlimitBytes()) {
            error[0] = -Errno.EMFILE;
            return null;
        }
        MessageQueue q = newQueue(name, creator.euid(), creator.egid(), mode & 07777, maxmsg, msgsize, creator.uid(),
                cost);
        adopt(q);
        return q;
    }

    /** A queue not yet in the namespace, with its wait queues from the kernel (create, and a snapshot's restore). */
    MessageQueue newQueue(String name, int uid, int gid, int mode, long maxmsg, long msgsize, int chargedUid,
            long chargedBytes) {
        return new MessageQueue(name, uid, gid, mode, maxmsg, msgsize, chargedUid, chargedBytes, kernel::newWaitQueue);
    }

    /** Puts a new queue under its name and charges its user; the name must be free. */
    void adopt(MessageQueue q) {
        if (byName.putIfAbsent(q.name, q) != null) {
            throw new IllegalStateException("queue /" + q.name + " already exists");
        }
        chargedByUid.merge(q.chargedUid, q.chargedBytes, Long::sum);
    }

    /** The named queues, by name. */
    List<MessageQueue> named() {
        return new ArrayList<>(byName.values());
    }

    /**
     * The state to hand to a successor or a checkpoint: every named queue
     * with its messages and notification, in the versioned form
     * {@link MqSnapshot} documents. Simulation thread only.
     */
    public byte[] exportState() {
        return MqSnapshot.export(this);
    }

    /**
     * Takes over a predecessor's state from {@link #exportState()} into
     * this empty namespace; IllegalArgumentException, naming the problem,
     * for a snapshot it cannot take (nothing is then restored). Simulation
     * thread only.
     */
    public void importState(byte[] snapshot) {
        MqSnapshot.restore(this, snapshot);
    }

    /** Removes a name (mq_unlink); the queue itself goes when its last descriptor is closed. */
    void unlink(MessageQueue q) {
        if (byName.remove(q.name) != q) {
            throw new IllegalStateException("queue /" + q.name + " unlinked but not in the namespace");
        }
        q.unlink();
        if (q.openFiles() == 0) {
            free(q);
        }
    }

    /** A description of q was closed for the last time; an unlinked queue with no descriptors is freed. */
    void closed(MessageQueue q) {
        if (q.closed()) {
            free(q);
        }
    }

    // Gives back what q cost its user; its messages go with it.
    private void free(MessageQueue q) {
        long left = chargedByUid.getOrDefault(q.chargedUid, 0L) - q.chargedBytes;
        if (left < 0) {
            throw new IllegalStateException("queue /" + q.name + ": RLIMIT_MSGQUEUE accounting went negative");
        }
        if (left == 0) {
            chargedByUid.remove(q.chargedUid);
        } else {
            chargedByUid.put(q.chargedUid, left);
        }
    }

    /** Bytes charged to user uid against RLIMIT_MSGQUEUE. */
    long charged(int uid) {
        return chargedByUid.getOrDefault(uid, 0L);
    }

    /**
     * The message-queue description behind the caller's descriptor fd, or
     * null (the call answers EBADF): one this revision made, or one a
     * previous revision made and this one took over (found by its handle).
     */
    MqFile file(SyscallContext c, long fd) {
        if (fd < 0 || fd > Integer.MAX_VALUE) {
            return null;
        }
        OpenFile f = c.file(fd);
        if (f instanceof MqFile mine && mine.servedBy(this)) {
            return mine;
        }
        return f instanceof HandedOverFile h && MqSnapshot.FORMAT.equals(h.owner()) ? files.get(h.handle()) : null;
    }

    /** Counts a new description among the open ones; returns its handle. */
    long track(MqFile f) {
        long handle = nextHandle++;
        files.put(handle, f);
        return handle;
    }

    /** A description's last descriptor was closed. */
    void released(MqFile f) {
        files.remove(f.handle);
    }

    /** The open descriptions by handle (the snapshot's export). */
    List<MqFile> openFiles() {
        return new ArrayList<>(files.values());
    }

    /** Charges a restored queue that has no name any more (unlinked, still open) to its user. */
    void adoptUnlinked(MessageQueue q) {
        q.unlink();
        chargedByUid.merge(q.chargedUid, q.chargedBytes, Long::sum);
    }

    /**
     * After a restore: every description of the previous revision that a
     * descriptor still refers to is pointed at its restored successor
     * (the snapshot's handle names it); a restored description no
     * descriptor refers to any more (its process ended meanwhile) is
     * closed. {@code restored} maps the snapshot's handles to them.
     */
    void takeOver(java.util.Map<Long, MqFile> restored) {
        java.util.Set<Long> taken = new java.util.TreeSet<>();
        for (OpenFile f : kernel.processManager().openFiles()) {
            if (f instanceof HandedOverFile h && MqSnapshot.FORMAT.equals(h.owner())
                    && !(f instanceof MqFile mine && mine.servedBy(this))) {
                MqFile next = restored.get(h.handle());
                if (next != null) {
                    h.delegateTo(next);
                    taken.add(h.handle());
                }
            }
        }
        for (java.util.Map.Entry<Long, MqFile> e : restored.entrySet()) {
            if (!taken.contains(e.getKey())) {
                e.getValue().release();
            }
        }
    }

    /**
     * A message arrived at q from {@code sender} with no receiver waiting
     * (Linux's __do_notify): if q had been empty and a live process is
     * registered, it is told (SIGEV_SIGNAL: its signal with si_code
     * SI_MESGQ, the sender's pid and uid and the registered si_value) and
     * the registration is removed, as it is one-shot.
     */
    void arrived(MessageQueue q, ProcessView sender) {
        MessageQueue.Notification n = q.notification();
        if (n == null || q.count() != 1) {
            return;
        }
        q.setNotification(null);
        if (n.how() == MqConstants.SIGEV_SIGNAL && n.signo() != 0 && alive(n.pid())) {
            kernel.processManager().queueSignal(n.pid(), n.signo(), MqConstants.SI_MESGQ, sender.pid(),
                    sender.uid(), n.value());
        }
    }

    /** The notification registered on q, dropped first if its owner has ended (its descriptors closed). */
    MessageQueue.Notification notification(MessageQueue q) {
        MessageQueue.Notification n = q.notification();
        if (n != null && !alive(n.pid())) {
            q.setNotification(null);
            return null;
        }
        return n;
    }

    // Whether process pid exists and has not exited.
    private boolean alive(int pid) {
        return kernel.processManager().process(pid).map(p -> p.state() != ProcessState.ZOMBIE).orElse(false);
    }

    /** One row of the listing: what ipc:list shows of a queue. */
    record QueueInfo(String name, int uid, int gid, int mode, long maxmsg, long msgsize, long messages, long bytes,
            int notifyPid, int openFiles) {
    }

    /** The queues with a name, by name (ipc:list's POSIX part; unlinked queues still open are not listed). */
    public List<QueueInfo> queues() {
        List<QueueInfo> rows = new ArrayList<>();
        for (MessageQueue q : byName.values()) {
            MessageQueue.Notification n = notification(q);
            rows.add(new QueueInfo("/" + q.name, q.uid, q.gid, q.mode, q.maxmsg, q.msgsize, q.count(), q.bytes(),
                    n == null ? 0 : n.pid(), q.openFiles()));
        }
        return rows;
    }

    /** ipc:list's kind for POSIX message queues. */
    @Override
    public String kind() {
        return "mq";
    }

    /**
     * The queues with a name, by name, for ipc:list: name, owner, mode,
     * bytes (size), messages (count) and the senders and receivers blocked
     * now; key and id 0 (POSIX queues have neither). Simulation thread.
     */
    @Override
    public List<IpcObjectInfo> objects() {
        List<IpcObjectInfo> rows = new ArrayList<>();
        for (MessageQueue q : byName.values()) {
            rows.add(new IpcObjectInfo(kind(), 0, 0, q.uid, q.gid, q.mode, q.bytes(), q.count(),
                    q.senders.size() + q.receivers.size(), "/" + q.name));
        }
        return rows;
    }

    /** The listing as text, a header and a line per queue, for the shell. */
    public String listing() {
        StringBuilder b = new StringBuilder(String.format("%-24s %6s %6s %5s %8s %8s %10s%n",
                "name", "owner", "perms", "msgs", "max", "bytes", "notify-pid"));
        for (QueueInfo q : queues()) {
            b.append(String.format("%-24s %6d %6s %5d %8d %8d %10d%n", q.name(), q.uid(),
                    Integer.toOctalString(q.mode()), q.messages(), q.maxmsg(), q.bytes(), q.notifyPid()));
        }
        return b.toString();
    }
}
