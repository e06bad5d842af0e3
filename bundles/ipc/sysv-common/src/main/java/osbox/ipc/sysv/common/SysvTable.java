package osbox.ipc.sysv.common;

import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.osgi.framework.BundleContext;
import osbox.api.hw.Machine;
import osbox.api.ipc.IpcTable;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessView;

/**
 * What the state component of every System V kind shares (MsgQueues,
 * SemSets): the table of objects and its limits (Config Admin's, or
 * Linux's defaults in the harness, which activates nothing), who sleeps
 * in the kind's calls, the exit listener that forgets a process's sleep,
 * and the hand-over of the state to the next revision of the bundle
 * ({@link IpcHandOver}). The DS lifecycle methods stay in the component
 * class (they carry its Config type) and call {@link #activated},
 * {@link #deactivated} and {@link #setLimits}. Simulation thread only,
 * except the lifecycle and the limits (volatile).
 *
 * @param <T> the kind's object
 * @param <L> the kind's limits
 */
public abstract class SysvTable<T extends IpcObject, L> implements IpcTable {
    private final Kernel kernel;
    private final Machine machine;
    private final String pid;
    private final IpcIds<T> ids;
    private final IpcSleepers sleepers = new IpcSleepers();
    private final Consumer<ProcessView> onExit = this::exited;
    private volatile L limits;

    /**
     * A table of this kernel under Config Admin pid {@code pid}, with
     * {@code defaults} until a configuration comes; {@code most} reads the
     * most objects (msgmni, semmni) from the limits in force. Listens for
     * process exits from now until {@link #deactivated}.
     */
    protected SysvTable(Kernel kernel, Machine machine, String pid, L defaults, ToIntFunction<L> most) {
        this.kernel = kernel;
        this.machine = machine;
        this.pid = pid;
        this.limits = defaults;
        this.ids = new IpcIds<>(() -> most.applyAsInt(limits()));
        kernel.processManager().addExitListener(onExit);
    }

    /** The kernel this table serves. */
    public final Kernel kernel() {
        return kernel;
    }

    /** The table of objects. */
    public final IpcIds<T> ids() {
        return ids;
    }

    /** Who sleeps in the kind's calls, on which object. */
    public final IpcSleepers sleepers() {
        return sleepers;
    }

    /** The limits in force: the last configuration's, or the defaults. */
    public final L limits() {
        return limits;
    }

    /** Sets the limits (a configuration, or a test): the next calls are held to them. */
    public final void setLimits(L next) {
        if (next == null) {
            throw new IllegalArgumentException("no limits");
        }
        limits = next;
    }

    /**
     * Framework activation: the configured limits, then the state a
     * previous revision left in the bundle's data area, restored at the
     * next safe point (before the kernel binds this revision's handlers).
     */
    protected final void activated(L configured, BundleContext context) {
        setLimits(configured);
        IpcHandOver.restore(context, machine, pid, this::importState);
    }

    /**
     * Framework deactivation (the bundle stops or is updated; its handlers
     * have left the kernel): stops listening for exits and hands the state
     * to the next revision, exported at a safe point, after which every
     * sleeper is let go so its call runs again under the successor (the
     * kernel holds it until the successor's handlers are bound).
     */
    protected final void deactivated(BundleContext context) {
        kernel.processManager().removeExitListener(onExit);
        IpcHandOver.save(context, machine, pid, this::handOver);
    }

    /** The state in the snapshot contract's form ({@link IpcSnapshot}'s shape). Simulation thread only. */
    public abstract byte[] exportState();

    /**
     * Takes over a predecessor's state into this empty table
     * (IllegalArgumentException, naming the problem, for a snapshot it
     * cannot take: nothing is restored). Simulation thread only.
     */
    public abstract void importState(byte[] snapshot);

    /** Wakes every caller sleeping on an object of the table (the hand-over lets them go). */
    protected abstract void wakeEverySleeper();

    /** A process exited: its sleep is forgotten (a kind adds what else its exit undoes). */
    protected void exited(ProcessView p) {
        sleepers.forget(p.pid());
    }

    /** After an import: drops the sleeps of processes that ended while no revision listened. */
    protected final void forgetEndedSleepers() {
        sleepers.retainAlive(p -> IpcHandOver.alive(kernel, p));
    }

    // The export of a revision that goes: its sleepers wake to run their call again under the successor.
    private byte[] handOver() {
        byte[] state = exportState();
        wakeEverySleeper();
        return state;
    }
}
