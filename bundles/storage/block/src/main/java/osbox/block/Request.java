package osbox.block;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import osbox.api.io.BlockIo;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoOperation;
import osbox.api.io.IoPriorityClass;

/**
 * A request in a device's queue: one I/O, or several adjacent ones of the
 * same operation merged (Linux's struct request over its bios). Immutable
 * while a policy holds it, as {@link BlockRequest} promises: merging makes
 * a new Request ({@link #mergedWith}) and the queue removes the two old
 * ones from the policy before adding it. Simulation thread only.
 */
public final class Request implements BlockRequest {
    private final long id;
    private final int device;
    private final long sector;
    private final int count;
    private final IoOperation operation;
    private final int flags;
    private final int pid;
    private final int tid;
    private final int ioPriority;
    private final long arrival;
    private final List<BlockIo> ios;

    /** A request for one I/O, queued at cycle {@code arrival} with id {@code id}. */
    public Request(long id, BlockIo io, long arrival) {
        this(id, io.device(), io.sector(), io.count(), io.operation(), io.flags(), io.pid(), io.tid(),
                io.ioPriority(), arrival, List.of(io));
    }

    private Request(long id, int device, long sector, int count, IoOperation operation, int flags, int pid,
            int tid, int ioPriority, long arrival, List<BlockIo> ios) {
        this.id = id;
        this.device = device;
        this.sector = sector;
        this.count = count;
        this.operation = operation;
        this.flags = flags;
        this.pid = pid;
        this.tid = tid;
        this.ioPriority = ioPriority;
        this.arrival = arrival;
        this.ios = ios;
    }

    /**
     * Whether {@code next} can be merged behind this request: same device and
     * operation (not a flush), {@code next} starting at this one's end, and
     * neither a barrier ({@link BlockIo#PREFLUSH} on the second would lose
     * its ordering) nor past {@code maxSectors} together.
     */
    public boolean canAppend(Request next, int maxSectors) {
        return operation != IoOperation.FLUSH && next.operation == operation && next.device == device
                && sector + count == next.sector && (long) count + next.count <= maxSectors
                && (next.flags & BlockIo.PREFLUSH) == 0 && (flags & BlockIo.FUA) == (next.flags & BlockIo.FUA);
    }

    /**
     * The request covering this one and then {@code next} (which must pass
     * {@link #canAppend}), with id {@code newId}: it keeps this one's
     * submitter and the earlier arrival, and is sync if either was.
     */
    public Request mergedWith(Request next, long newId) {
        List<BlockIo> all = new ArrayList<>(ios.size() + next.ios.size());
        all.addAll(ios);
        all.addAll(next.ios);
        int f = flags | (next.flags & BlockIo.SYNC);
        return new Request(newId, device, sector, count + next.count, operation, f, pid, tid, ioPriority,
                Math.min(arrival, next.arrival), Collections.unmodifiableList(all));
    }

    /** The I/Os it carries, in sector order; each is completed on its own. */
    public List<BlockIo> ios() {
        return ios;
    }

    /** The {@link BlockIo} flags of the request (SYNC, FUA, PREFLUSH). */
    public int flags() {
        return flags;
    }

    /** The submitter's ioprio_set(2) encoding (class &lt;&lt; 13 | level), 0 when none. */
    public int ioPriority() {
        return ioPriority;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public int device() {
        return device;
    }

    @Override
    public long sector() {
        return sector;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public IoOperation operation() {
        return operation;
    }

    @Override
    public boolean sync() {
        return (flags & BlockIo.SYNC) != 0 || operation == IoOperation.READ;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int tid() {
        return tid;
    }

    @Override
    public IoPriorityClass priorityClass() {
        int c = ioPriority >>> 13;
        return c < IoPriorityClass.values().length ? IoPriorityClass.values()[c] : IoPriorityClass.NONE;
    }

    @Override
    public int priorityLevel() {
        return priorityClass() == IoPriorityClass.NONE ? 4 : Math.min(7, ioPriority & 0x1fff);
    }

    @Override
    public long arrival() {
        return arrival;
    }

    @Override
    public String toString() {
        return "request " + id + " " + operation + " " + sector + "+" + count;
    }
}
