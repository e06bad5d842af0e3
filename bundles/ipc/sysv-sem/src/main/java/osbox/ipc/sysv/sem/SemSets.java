package osbox.ipc.sysv.sem;

import java.util.function.Consumer;
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
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessView;
import osbox.ipc.sysv.common.IpcIds;
import osbox.ipc.sysv.common.IpcSleepers;

/**
 * The system's semaphore sets (PID {@value #PID}): their table, the limits
 * (semmsl, semmns, semopm, semmni from Config Admin; Linux's defaults
 * without a configuration, as in the harness), the semaphores in use
 * (semmns counts them), who sleeps in semop, and the SEM_UNDO adjustments
 * a process's exit applies. The handler components share it. Simulation
 * thread only.
 */
@Component(service = {SemSets.class, IpcTable.class}, configurationPid = SemSets.PID)
@Designate(ocd = SemSets.Config.class)
public final class SemSets implements IpcTable {
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

    /** Injected by the framework at activation (the harness does not: Linux's defaults then). */
    @Activate
    private Config config;

    private final Kernel kernel;
    private final IpcIds<SemSet> ids = new IpcIds<>(() -> limits().semmni());
    private final IpcSleepers sleepers = new IpcSleepers();
    private final Consumer<ProcessView> onExit = this::exited;
    private volatile SemLimits limits;
    private long usedSems;

    /** The sets of this kernel: an exit applies the process's adjustments and forgets its sleep. */
    @Activate
    public SemSets(@Reference(name = "kernel") Kernel kernel) {
        this.kernel = kernel;
        kernel.processManager().addExitListener(onExit);
    }

    /** Stops listening for exits (the bundle stops or is updated). */
    @Deactivate
    void deactivate() {
        kernel.processManager().removeExitListener(onExit);
    }

    /** A new configuration: the limits change for the next calls. */
    @Modified
    void modified(Config changed) {
        limits = new SemLimits(changed.semmsl(), changed.semmns(), changed.semopm(), changed.semmni());
    }

    /** The limits in force: the last configuration's, or Linux's defaults. */
    SemLimits limits() {
        SemLimits l = limits;
        if (l == null) {
            Config c = config;
            l = c == null ? SemLimits.LINUX : new SemLimits(c.semmsl(), c.semmns(), c.semopm(), c.semmni());
            limits = l;
        }
        return l;
    }

    /** Sets the limits directly (tests). */
    void setLimits(SemLimits l) {
        limits = l;
    }

    Kernel kernel() {
        return kernel;
    }

    IpcIds<SemSet> ids() {
        return ids;
    }

    IpcSleepers sleepers() {
        return sleepers;
    }

    @Override
    public String kind() {
        return "sem";
    }

    /** Every set: its semaphores and the processes waiting on them. */
    @Override
    public List<IpcObjectInfo> objects() {
        List<IpcObjectInfo> rows = new ArrayList<>();
        for (SemSet s : ids.all()) {
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
        ids.remove(s);
        usedSems -= s.size();
        s.wakeAll();
    }

    /**
     * A process exited (Linux's exit_sem): each set it holds adjustments on
     * gets them added to its values, clamped to 0..SEMVMX, and its waiters
     * run again.
     */
    private void exited(ProcessView p) {
        sleepers.forget(p.pid());
        for (SemSet s : ids.all()) {
            int[] adj = s.undo.remove(p.pid());
            if (adj == null) {
                continue;
            }
            for (int i = 0; i < adj.length; i++) {
                if (adj[i] != 0) {
                    s.values[i] = Math.max(0, Math.min(SemLimits.SEMVMX, s.values[i] + adj[i]));
                    s.pids[i] = p.pid();
                }
            }
            s.wakeAll();
        }
    }
}
