package osbox.ipc.sysv.msg;

import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import java.util.ArrayList;
import java.util.List;
import osbox.api.ipc.IpcObjectInfo;
import osbox.api.ipc.IpcTable;
import osbox.api.hw.Machine;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessView;
import osbox.ipc.sysv.common.IpcHandOver;
import osbox.ipc.sysv.common.IpcIds;
import osbox.ipc.sysv.common.IpcPerm;
import osbox.ipc.sysv.common.IpcSleepers;

/**
 * The system's message queues (PID {@value #PID}): their table, the limits
 * (msgmax, msgmnb, msgmni from Config Admin; Linux's defaults without a
 * configuration, as in the harness), who sleeps in msgsnd and msgrcv, and
 * the totals msgctl's MSG_INFO reports. The handler components share it.
 * Its state crosses an update or restart of the bundle whole (messages,
 * times, pids, sleepers: {@link MsgState}, {@link IpcHandOver}).
 * Simulation thread only, except the configuration, which is only read
 * there, and activation.
 */
@Component(service = {MsgQueues.class, IpcTable.class}, configurationPid = MsgQueues.PID)
@Designate(ocd = MsgQueues.Config.class)
public final class MsgQueues implements IpcTable {
    /** Config Admin PID of the limits. */
    public static final String PID = "osbox.ipc.sysv.msg";

    @ObjectClassDefinition(name = "osbox System V message queues")
    public @interface Config {
        @AttributeDefinition(description = "msgmax: the largest message, in bytes")
        int msgmax() default 8192;

        @AttributeDefinition(description = "msgmnb: a new queue's capacity in bytes, and the most an unprivileged "
                + "IPC_SET may give")
        int msgmnb() default 16384;

        @AttributeDefinition(description = "msgmni: the most queues, at most 32768")
        int msgmni() default 32000;
    }

    /** Injected by the framework at activation (the harness does not: Linux's defaults then). */
    @Activate
    private Config config;

    private final Kernel kernel;
    private final Machine machine;
    private final IpcIds<MsgQueue> ids = new IpcIds<>(() -> limits().msgmni());
    private final IpcSleepers sleepers = new IpcSleepers();
    private final Consumer<ProcessView> onExit = p -> sleepers.forget(p.pid());
    private volatile MsgLimits limits;

    /** The queues of this kernel: sleepers are forgotten when their process exits. */
    @Activate
    public MsgQueues(@Reference(name = "kernel") Kernel kernel, @Reference(name = "machine") Machine machine) {
        this.kernel = kernel;
        this.machine = machine;
        kernel.processManager().addExitListener(onExit);
    }

    /** Activation in the framework: the state a previous revision left is restored at the next safe point. */
    @Activate
    void activate(BundleContext context) {
        IpcHandOver.restore(context, machine, PID, this::importState);
    }

    /**
     * Stops listening for exits (the bundle stops or is updated) and hands
     * the state to the next revision: exported at a safe point, then every
     * sleeper let go, so its call runs again under the successor (the
     * kernel holds it until the successor's handlers are bound).
     */
    @Deactivate
    void deactivate(BundleContext context) {
        kernel.processManager().removeExitListener(onExit);
        IpcHandOver.save(context, machine, PID, this::handOver);
    }

    /**
     * The state in the snapshot contract's form ({@link MsgState}): every
     * queue, its messages, times and pids, and who sleeps on which.
     * Simulation thread only.
     */
    public byte[] exportState() {
        return MsgState.export(this);
    }

    /**
     * Takes over a predecessor's state into this empty table; sleepers
     * whose process has ended meanwhile are dropped. IllegalArgumentException,
     * naming the problem, for a snapshot it cannot take (nothing is then
     * restored). Simulation thread only.
     */
    public void importState(byte[] snapshot) {
        MsgState.restore(this, snapshot);
        sleepers.retainAlive(pid -> IpcHandOver.alive(kernel, pid));
    }

    // The export of a revision that goes: its sleepers wake to run their call again under the successor.
    private byte[] handOver() {
        byte[] state = exportState();
        for (MsgQueue q : ids.all()) {
            q.senders.wakeAll();
            q.receivers.wakeAll();
        }
        return state;
    }

    /** A new configuration: the limits change for the next calls (existing queues keep their qbytes). */
    @Modified
    void modified(Config changed) {
        limits = new MsgLimits(changed.msgmax(), changed.msgmnb(), changed.msgmni());
    }

    /** The limits in force: the last configuration's, or Linux's defaults. */
    MsgLimits limits() {
        MsgLimits l = limits;
        if (l == null) {
            Config c = config;
            l = c == null ? MsgLimits.LINUX : new MsgLimits(c.msgmax(), c.msgmnb(), c.msgmni());
            limits = l;
        }
        return l;
    }

    /** Sets the limits directly (tests, and a configuration applied by hand). */
    void setLimits(MsgLimits l) {
        limits = l;
    }

    IpcIds<MsgQueue> ids() {
        return ids;
    }

    IpcSleepers sleepers() {
        return sleepers;
    }

    /** A new queue with these permissions: capacity msgmnb, made at ctime (seconds). */
    MsgQueue newQueue(IpcPerm perm, long ctime) {
        String name = "msg queue key " + perm.key;
        return new MsgQueue(perm, limits().msgmnb(), ctime, kernel.newWaitQueue(name + " senders"),
                kernel.newWaitQueue(name + " receivers"));
    }

    @Override
    public String kind() {
        return "msg";
    }

    /** Every queue: used bytes, messages, blocked senders and receivers. */
    @Override
    public List<IpcObjectInfo> objects() {
        List<IpcObjectInfo> rows = new ArrayList<>();
        for (MsgQueue q : ids.all()) {
            rows.add(new IpcObjectInfo(kind(), q.perm().key, q.id(), q.perm().uid, q.perm().gid, q.perm().mode,
                    q.cbytes, q.messages.size(), q.senders.size() + q.receivers.size()));
        }
        return rows;
    }

    /** The messages on every queue (MSG_INFO's msgmap). */
    long totalMessages() {
        long n = 0;
        for (MsgQueue q : ids.all()) {
            n += q.messages.size();
        }
        return n;
    }

    /** The bytes on every queue (MSG_INFO's msgtql). */
    long totalBytes() {
        long n = 0;
        for (MsgQueue q : ids.all()) {
            n += q.cbytes;
        }
        return n;
    }
}
