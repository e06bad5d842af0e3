package osbox.ipc.sysv.sem;

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
import osbox.ipc.sysv.common.SysvTable;

/**
 * The system's semaphore sets (PID {@value #PID}): their table, the limits
 * (semmsl, semmns, semopm, semmni from Config Admin; Linux's defaults
 * without a configuration, as in the harness), the semaphores in use
 * (semmns counts them), who sleeps in semop, and the SEM_UNDO adjustments
 * a process's exit applies. The handler components share it. Its state
 * crosses an update or restart of the bundle whole (values, pids, times,
 * adjustments, sleepers: {@link SemState}, {@link IpcHandOver}).
 * Simulation thread only, except activation.
 */
@Component(service = {SemSets.class, IpcTable.class}, configurationPid = SemSets.PID)
@Designate(ocd = SemSets.Config.class)
public final class SemSets extends SysvTable<SemSet, SemLimits> {
    /** Config Admin PID of the limits. */
    public static final String PID = "osbox.ipc.sysv.sem";

    @ObjectClassDefinition(name = "osbox System V semaphores")
    public @interface Config {
        @AttributeDefinition(description = "semmsl: the most semaphores in a set")
        int semmsl() default 32000;

        @AttributeDefinition(description = "semmns: the most semaphores in all sets")
        int semmns() default 1_024_000_000;

        @AttributeDefinition(description = "semopm: the most operations in one semop")
        int semopm() default 500;

        @AttributeDefinition(description = "semmni: the most sets, at most 32768")
        int semmni() default 32000;
    }

    private long usedSems;

    /** The sets of this kernel: an exit applies the process's adjustments and forgets its sleep. */
    @Activate
    public SemSets(@Reference(name = "kernel") Kernel kernel, @Reference(name = "machine") Machine machine) {
        super(kernel, machine, PID, SemLimits.LINUX, SemLimits::semmni);
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

    /** A new configuration: the limits change for the next calls. */
    @Modified
    void modified(Config changed) {
        setLimits(limitsOf(changed));
    }

    private static SemLimits limitsOf(Config c) {
        return new SemLimits(c.semmsl(), c.semmns(), c.semopm(), c.semmni());
    }

    /**
     * The state in the snapshot contract's form ({@link SemState}): every
     * set, its values, pids, times and SEM_UNDO adjustments, and who sleeps
     * on which. Simulation thread only.
     */
    @Override
    public byte[] exportState() {
        return SemState.export(this);
    }

    /**
     * Takes over a predecessor's state. What happened while no revision
     * listened is caught up: the adjustments of processes that exited
     * meanwhile are applied (exit_sem), their sleeps dropped.
     */
    @Override
    public void importState(byte[] snapshot) {
        SemState.restore(this, snapshot);
        usedSems = 0;
        for (SemSet s : ids().all()) {
            usedSems += s.size();
        }
        forgetEndedSleepers();
        java.util.TreeSet<Integer> ended = new java.util.TreeSet<>();
        for (SemSet s : ids().all()) {
            for (int pid : s.undo.keySet()) {
                if (!IpcHandOver.alive(kernel(), pid)) {
                    ended.add(pid);
                }
            }
        }
        for (int pid : ended) {
            applyUndo(pid);
        }
    }

    @Override
    protected void wakeEverySleeper() {
        for (SemSet s : ids().all()) {
            s.wakeAll();
        }
    }

    @Override
    public String kind() {
        return "sem";
    }

    /** Every set: its semaphores and the processes waiting on them. */
    @Override
    public List<IpcObjectInfo> objects() {
        List<IpcObjectInfo> rows = new ArrayList<>();
        for (SemSet s : ids().all()) {
            int waiting = 0;
            for (int i = 0; i < s.size(); i++) {
                waiting += s.waiting(i, false) + s.waiting(i, true);
            }
            rows.add(new IpcObjectInfo(kind(), s.perm().key, s.id(), s.perm().uid, s.perm().gid, s.perm().mode,
                    s.size(), 0, waiting));
        }
        return rows;
    }

    /** Semaphores in all sets (SEM_INFO's semaem). */
    long usedSems() {
        return usedSems;
    }

    /** Counts a new set's semaphores against semmns. */
    void added(SemSet s) {
        usedSems += s.size();
    }

    /** IPC_RMID: the set goes; its sleepers wake to EIDRM. */
    void remove(SemSet s) {
        ids().remove(s);
        usedSems -= s.size();
        s.wakeAll();
    }

    /**
     * A process exited (Linux's exit_sem): each set it holds adjustments on
     * gets them added to its values, clamped to 0..SEMVMX, and its waiters
     * run again.
     */
    @Override
    protected void exited(ProcessView p) {
        super.exited(p);
        applyUndo(p.pid());
    }

    // exit_sem for pid: its adjustments added to each set's values, clamped, and the sets' waiters run again.
    private void applyUndo(int pid) {
        for (SemSet s : ids().all()) {
            int[] adj = s.undo.remove(pid);
            if (adj == null) {
                continue;
            }
            for (int i = 0; i < adj.length; i++) {
                if (adj[i] != 0) {
                    s.values[i] = Math.max(0, Math.min(SemLimits.SEMVMX, s.values[i] + adj[i]));
                    s.pids[i] = pid;
                }
            }
            s.wakeAll();
        }
    }
}
