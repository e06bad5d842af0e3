package osbox.ipc.sysv.msg;

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
import osbox.ipc.sysv.common.IpcPerm;
import osbox.ipc.sysv.common.SysvTable;

/**
 * The system's message queues (PID {@value #PID}): their table, the limits
 * (msgmax, msgmnb, msgmni from Config Admin; Linux's defaults without a
 * configuration, as in the harness), who sleeps in msgsnd and msgrcv, and
 * the totals msgctl's MSG_INFO reports. The handler components share it.
 * Its state crosses an update or restart of the bundle whole (messages,
 * times, pids, sleepers: {@link MsgState}, {@link SysvTable}).
 * Simulation thread only, except the configuration, which is only read
 * there, and activation.
 */
@Component(service = {MsgQueues.class, IpcTable.class}, configurationPid = MsgQueues.PID)
@Designate(ocd = MsgQueues.Config.class)
public final class MsgQueues extends SysvTable<MsgQueue, MsgLimits> {
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

    /** The queues of this kernel, with Linux's limits until a configuration comes. */
    @Activate
    public MsgQueues(@Reference(name = "kernel") Kernel kernel, @Reference(name = "machine") Machine machine) {
        super(kernel, machine, PID, MsgLimits.LINUX, MsgLimits::msgmni);
    }

    /** Activation in the framework: the configured limits, then the state a previous revision left. */
    @Activate
    void activate(Config config, BundleContext context) {
        activated(limitsOf(config), context);
    }

    /** The bundle stops or is updated: the state goes to the next revision (SysvTable#deactivated). */
    @Deactivate
    void deactivate(BundleContext context) {
        deactivated(context);
    }

    /** A new configuration: the limits change for the next calls (existing queues keep their qbytes). */
    @Modified
    void modified(Config changed) {
        setLimits(limitsOf(changed));
    }

    private static MsgLimits limitsOf(Config c) {
        return new MsgLimits(c.msgmax(), c.msgmnb(), c.msgmni());
    }

    /**
     * The state in the snapshot contract's form ({@link MsgState}): every
     * queue, its messages, times and pids, and who sleeps on which.
     * Simulation thread only.
     */
    @Override
    public byte[] exportState() {
        return MsgState.export(this);
    }

    /** Takes over a predecessor's state; sleepers whose process ended meanwhile are dropped. */
    @Override
    public void importState(byte[] snapshot) {
        MsgState.restore(this, snapshot);
        forgetEndedSleepers();
    }

    @Override
    protected void wakeEverySleeper() {
        for (MsgQueue q : ids().all()) {
            q.senders.wakeAll();
            q.receivers.wakeAll();
        }
    }

    /** A new queue with these permissions: capacity msgmnb, made at ctime (seconds). */
    MsgQueue newQueue(IpcPerm perm, long ctime) {
        String name = "msg queue key " + perm.key;
        return new MsgQueue(perm, limits().msgmnb(), ctime, kernel().newWaitQueue(name + " senders"),
                kernel().newWaitQueue(name + " receivers"));
    }

    @Override
    public String kind() {
        return "msg";
    }

    /** Every queue: used bytes, messages, blocked senders and receivers. */
    @Override
    public List<IpcObjectInfo> objects() {
        List<IpcObjectInfo> rows = new ArrayList<>();
        for (MsgQueue q : ids().all()) {
            rows.add(new IpcObjectInfo(kind(), q.perm().key, q.id(), q.perm().uid, q.perm().gid, q.perm().mode,
                    q.cbytes, q.messages.size(), q.senders.size() + q.receivers.size()));
        }
        return rows;
    }

    /** The messages on every queue (MSG_INFO's msgmap). */
    long totalMessages() {
        long n = 0;
        for (MsgQueue q : ids().all()) {
            n += q.messages.size();
        }
        return n;
    }

    /** The bytes on every queue (MSG_INFO's msgtql). */
    long totalBytes() {
        long n = 0;
        for (MsgQueue q : ids().all()) {
            n += q.cbytes;
        }
        return n;
    }
}
