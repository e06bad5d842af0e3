package osbox.ipc.sysv.shm;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.framework.BundleContext;
import osbox.api.hw.Machine;
import osbox.api.ipc.IpcObjectInfo;
import osbox.api.ipc.IpcTable;
import osbox.api.memory.MemoryManager;
import osbox.api.memory.SharedMemoryObject;
import osbox.ipc.sysv.common.Ipc;
import osbox.ipc.sysv.common.IpcHandOver;
import osbox.ipc.sysv.common.IpcIds;
import osbox.ipc.sysv.common.IpcPerm;

/**
 * The system's shared memory segments (PID {@value #PID}): their table and
 * the pages they hold (shm_tot, against shmall), the limits (shmmax,
 * shmall, shmmni, shmmin from Config Admin; Linux's defaults without a
 * configuration, as in the harness), and their making and destruction. This
 * is the segment state, kept apart from the system-call handlers (which
 * share it) so that a hand-over can carry it. The attachments themselves
 * live in the address spaces; each segment hears of them from the VM
 * manager. Simulation thread only.
 */
@Component(service = {ShmSegments.class, IpcTable.class}, configurationPid = ShmSegments.PID)
@Designate(ocd = ShmSegments.Config.class)
public final class ShmSegments implements IpcTable {
    /** Config Admin PID of the limits. */
    public static final String PID = "osbox.ipc.sysv.shm";

    @ObjectClassDefinition(name = "osbox System V shared memory")
    public @interface Config {
        @AttributeDefinition(description = "shmmax: the largest segment in bytes (unsigned; Linux's default "
                + "ULONG_MAX - 2^24, written here as -16777217)")
        long shmmax() default ShmLimits.UNLIMITED;

        @AttributeDefinition(description = "shmall: the most pages in all segments (unsigned; Linux's default "
                + "ULONG_MAX - 2^24, written here as -16777217)")
        long shmall() default ShmLimits.UNLIMITED;

        @AttributeDefinition(description = "shmmni: the most segments, at most 32768")
        int shmmni() default 4096;

        @AttributeDefinition(description = "shmmin: the smallest segment in bytes (Linux: 1)")
        long shmmin() default 1;
    }

    /** Injected by the framework at activation (the harness does not: Linux's defaults then). */
    @Activate
    private Config config;

    private final MemoryManager memory;
    private final Machine machine;
    private final IpcIds<ShmSegment> ids = new IpcIds<>(() -> limits().shmmni());
    private volatile ShmLimits limits;
    private long totalPages;

    /** The bundle's context (null in the harness): its data area carries the state to the next revision. */
    private BundleContext context;

    /** The segments of this machine, whose pages the VM manager {@code memory} keeps. */
    @Activate
    public ShmSegments(@Reference(name = "memory") MemoryManager memory, @Reference(name = "machine") Machine machine) {
        this.memory = memory;
        this.machine = machine;
    }

    /**
     * Activation in the framework: takes over the segments a previous
     * revision of the bundle left in its data area ({@link IpcHandOver}; at
     * the next safe point, before the handlers are bound). The harness does
     * not call it.
     */
    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        IpcHandOver.restore(bundleContext, machine, PID, this::importState);
    }

    /**
     * The bundle stops or is updated. When a successor comes (an update or a
     * transient stop), the segments are handed over: their table goes into
     * the data area and their objects stay in the VM manager, found again by
     * handle; attachments made meanwhile are counted by the VM manager and
     * seen by the successor. Otherwise (a plain stop) every segment lets go
     * of its pages, which stay mapped in the processes attached to them
     * until they detach (the segments are gone: their ids answer EINVAL).
     */
    @Deactivate
    void deactivate() {
        if (context != null && IpcHandOver.successorExpected(ShmSegments.class)) {
            IpcHandOver.save(context, machine, PID, this::handOver);
            return;
        }
        if (context == null) {
            releaseAll();   // the harness: called on the simulation thread
        } else {
            IpcHandOver.atSafePoint(machine, this::releaseAll);
        }
    }

    // At a safe point: the state for the successor, and the objects no longer listened to by this revision.
    private byte[] handOver() {
        byte[] state = exportState();
        for (ShmSegment s : ids.all()) {
            s.memory.setListener(null);
        }
        return state;
    }

    // At a safe point: every segment goes; its pages stay while processes map them.
    private void releaseAll() {
        for (ShmSegment s : ids.all()) {
            s.memory.setListener(null);
            ids.remove(s);
            s.memory.release();
        }
        totalPages = 0;
    }

    /** The segments in the snapshot contract's form ({@link ShmState}). Simulation thread. */
    public byte[] exportState() {
        return ShmState.export(this);
    }

    /** Takes over a predecessor's segments (IllegalArgumentException: refused whole). Simulation thread. */
    public void importState(byte[] snapshot) {
        ShmState.restore(this, snapshot);
    }

    /**
     * A restored segment takes its object over: it hears its attachments,
     * counts in shm_tot, and a removed one whose last attachment went while
     * no revision listened is destroyed now.
     */
    void adopt(ShmSegment s) {
        s.memory.setListener(s);
        totalPages += s.pages();
        if (s.attachments() == 0 && s.destroyPending()) {
            destroy(s);
        }
    }

    /** A new configuration: the limits change for the next calls. */
    @Modified
    void modified(Config changed) {
        limits = fromConfig(changed);
    }

    /** The limits in force: the last configuration's, or Linux's defaults. */
    ShmLimits limits() {
        ShmLimits l = limits;
        if (l == null) {
            Config c = config;
            l = c == null ? ShmLimits.LINUX : fromConfig(c);
            limits = l;
        }
        return l;
    }

    private static ShmLimits fromConfig(Config c) {
        return new ShmLimits(c.shmmax(), c.shmall(), c.shmmni(), c.shmmin());
    }

    /** Sets the limits directly (tests). */
    void setLimits(ShmLimits l) {
        limits = l;
    }

    IpcIds<ShmSegment> ids() {
        return ids;
    }

    MemoryManager memory() {
        return memory;
    }

    /** The time stamps of the segments: seconds of simulated realtime now. */
    long seconds() {
        return Ipc.seconds(machine.now(), machine.frequencyHz());
    }

    /** shm_tot: pages in all segments. */
    long totalPages() {
        return totalPages;
    }

    /**
     * Linux's newseg checks for a new segment of size bytes: EINVAL outside
     * shmmin..shmmax, ENOSPC when its pages would pass shmall; 0 when it
     * may be made.
     */
    long refuseNew(long size) {
        ShmLimits l = limits();
        if (Long.compareUnsigned(size, l.shmmin()) < 0 || Long.compareUnsigned(size, l.shmmax()) > 0) {
            return -osbox.api.kernel.Errno.EINVAL;
        }
        long pages = Shm.pagesFor(size);
        if (pages < 0 || totalPages + pages < totalPages || Long.compareUnsigned(totalPages + pages, l.shmall()) > 0) {
            return -osbox.api.kernel.Errno.ENOSPC;
        }
        return 0;
    }

    /**
     * A new segment of size bytes (refuseNew said yes) over pages (made by
     * the VM manager for it) with perm, made by process cpid at ctime. Its
     * pages count in shm_tot from now on.
     */
    ShmSegment newSegment(IpcPerm perm, long size, SharedMemoryObject pages, int cpid, long ctime) {
        ShmSegment s = new ShmSegment(perm, size, pages, cpid, ctime, this);
        pages.setListener(s);
        totalPages += s.pages();
        return s;
    }

    /**
     * IPC_RMID: a segment nobody has attached goes now; one still attached
     * is marked SHM_DEST, its key becomes private, and it goes at its last
     * detach ({@link ShmSegment#detached}).
     */
    void remove(ShmSegment s) {
        if (s.attachments() == 0) {
            destroy(s);
            return;
        }
        s.perm().mode |= Shm.SHM_DEST;
        ids.forgetKey(s);
        s.keyPrivate = true;
    }

    /** The segment goes: out of the table and shm_tot, and its pages are freed when no process maps them. */
    void destroy(ShmSegment s) {
        ids.remove(s);
        totalPages -= s.pages();
        s.memory.setListener(null);
        s.memory.release();
    }

    /** Pages of all segments resident now (SHM_INFO's shm_rss). */
    long residentPages() {
        long n = 0;
        for (ShmSegment s : ids.all()) {
            n += s.memory.residentPages();
        }
        return n;
    }

    /** Pages of all segments in swap now (SHM_INFO's shm_swp). */
    long swappedPages() {
        long n = 0;
        for (ShmSegment s : ids.all()) {
            n += s.memory.swappedPages();
        }
        return n;
    }

    @Override
    public String kind() {
        return "shm";
    }

    /** Every segment: its bytes and attachments; the mode keeps SHM_DEST and SHM_LOCKED (the status). */
    @Override
    public List<IpcObjectInfo> objects() {
        List<IpcObjectInfo> rows = new ArrayList<>();
        for (ShmSegment s : ids.all()) {
            rows.add(new IpcObjectInfo(kind(), s.key(), s.id(), s.perm().uid, s.perm().gid, s.perm().mode, s.size,
                    s.attachments(), 0));
        }
        return rows;
    }
}
