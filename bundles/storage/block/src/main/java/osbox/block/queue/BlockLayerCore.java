package osbox.block.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import osbox.api.hw.DiskSpec;
import osbox.api.io.BlockIo;
import osbox.api.io.BlockLayer;
import osbox.api.io.IoOperation;
import osbox.api.trace.Tracer;
import osbox.block.DeviceDriver;
import osbox.block.RequestEvents;

/**
 * The block layer without the framework: a {@link RequestQueue} per disk,
 * numbered by its name (vda 0, vdb 1, ...), the one {@link IoSchedulerSlot},
 * per-process accounting and the {@link RequestEvents} listeners. It checks
 * each {@link BlockIo} before queueing it. Simulation thread only, apart
 * from {@link #processCounters} (a synchronized snapshot); the component
 * calls the rest through the machine.
 */
public final class BlockLayerCore implements BlockLayer {
    private static final int ENXIO = 6;
    private static final int EINVAL = 22;
    private static final int EROFS = 30;

    private final IoSchedulerSlot slot;
    private final LongSupplier clock;
    private final long clockHz;
    private final Tracer tracer;
    private final RequestQueue[] queues = new RequestQueue[DiskSpec.MAX_DISKS];
    private final List<RequestEvents> listeners = new ArrayList<>();
    private final ProcessAccounting accounting = new ProcessAccounting();
    private long watchdogCycles;

    /**
     * A block layer with no disks yet, on {@code clock} ticking at
     * {@code clockHz}, recording into {@code tracer} (null: no trace); a
     * request that waits longer than {@code watchdogCycles} in a policy
     * ejects it (0: never).
     */
    public BlockLayerCore(LongSupplier clock, long clockHz, Tracer tracer, long watchdogCycles) {
        this.clock = clock;
        this.clockHz = clockHz;
        this.tracer = tracer;
        this.watchdogCycles = watchdogCycles;
        this.slot = new IoSchedulerSlot(clock);
    }

    /** The I/O-scheduler slot. */
    public IoSchedulerSlot slot() {
        return slot;
    }

    /**
     * Adds the disk {@code name} (vda..vdz) of {@code sectors} sectors,
     * driven by {@code driver}; returns its device number. Throws
     * IllegalArgumentException for a name that is not vda..vdz or is taken.
     */
    public int addDevice(String name, long sectors, boolean readOnly, DeviceDriver driver) {
        int number = number(name);
        if (number < 0) {
            throw new IllegalArgumentException("not a disk name (vda..vdz): " + name);
        }
        if (queues[number] != null) {
            throw new IllegalArgumentException("disk " + name + " is already attached");
        }
        RequestQueue q = new RequestQueue(number, name, sectors, readOnly, driver, slot, clock, clockHz, tracer,
                listeners, accounting);
        q.watchdog(watchdogCycles);
        queues[number] = q;
        return number;
    }

    /** Removes the disk {@code name}; what it had queued is forgotten (its device went away). */
    public void removeDevice(String name) {
        int number = number(name);
        if (number >= 0 && queues[number] != null) {
            slot.leave(queues[number]);
            queues[number] = null;
        }
    }

    /** The queue of device {@code device}, or null. */
    public RequestQueue queue(int device) {
        return device >= 0 && device < queues.length ? queues[device] : null;
    }

    /** Adds a listener of every queue's request events (the statistics). */
    public void addListener(RequestEvents listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void removeListener(RequestEvents listener) {
        listeners.remove(listener);
    }

    /** Sets the watchdog's bound in cycles on every device (0: off). */
    public void watchdog(long cycles) {
        watchdogCycles = Math.max(0, cycles);
        for (RequestQueue q : queues) {
            if (q != null) {
                q.watchdog(watchdogCycles);
            }
        }
    }

    // vda..vdz -> 0..25, else -1.
    private static int number(String name) {
        if (name == null || name.length() != 3 || !name.startsWith("vd")) {
            return -1;
        }
        int n = name.charAt(2) - 'a';
        return n >= 0 && n < DiskSpec.MAX_DISKS ? n : -1;
    }

    @Override
    public List<String> devices() {
        List<String> out = new ArrayList<>();
        for (RequestQueue q : queues) {
            if (q != null) {
                out.add(q.name());
            }
        }
        return out;
    }

    @Override
    public int device(String name) {
        int n = number(name);
        return n >= 0 && queues[n] != null ? n : -1;
    }

    @Override
    public long sectors(int device) {
        RequestQueue q = queue(device);
        return q == null ? 0 : q.capacity();
    }

    @Override
    public boolean readOnly(int device) {
        RequestQueue q = queue(device);
        return q != null && q.readOnly();
    }

    /** Checks {@code io} (device, read-only, range) and queues it; see {@link BlockLayer#submit}. */
    @Override
    public int submit(BlockIo io) {
        RequestQueue q = queue(io.device());
        if (q == null) {
            return -ENXIO;
        }
        if (io.operation() == IoOperation.WRITE && q.readOnly()) {
            return -EROFS;
        }
        if (io.operation() != IoOperation.FLUSH && io.sector() + io.count() > q.capacity()) {
            return -EINVAL;
        }
        q.submit(io);
        return 0;
    }

    @Override
    public void plug(int tid) {
        for (RequestQueue q : queues) {
            if (q != null) {
                q.plug(tid);
            }
        }
    }

    @Override
    public void unplug(int tid) {
        for (RequestQueue q : queues) {
            if (q != null) {
                q.unplug(tid);
            }
        }
    }

    @Override
    public String scheduler(int device) {
        return slot.activeName();
    }

    @Override
    public Map<String, Long> counters(int device) {
        RequestQueue q = queue(device);
        return q == null ? Map.of() : q.counters();
    }

    @Override
    public Map<String, Long> processCounters(int pid) {
        return accounting.of(pid);
    }
}
