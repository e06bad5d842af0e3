package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.hw.PhysicalMemory;
import osbox.api.io.BlockIo;
import osbox.api.io.BlockLayer;
import osbox.api.io.IoOperation;

/**
 * A block layer of one disk (vda) in host memory, for the swap tests: each
 * submitted I/O completes {@code latency} cycles later on its own event
 * queue (in submission order at equal times), copying between the disk and
 * the segments' physical memory then, as a DMA would. The test runs the
 * events ({@link #runUntil}), which advance the fixture's clock.
 */
final class FakeBlockLayer implements BlockLayer {
    private final VmFixture f;
    private final PhysicalMemory mem;
    private final byte[] disk;
    private final long latency;
    private final TreeMap<Long, List<Runnable>> events = new TreeMap<>();
    /** Every I/O submitted, in order. */
    final List<BlockIo> submitted = new ArrayList<>();
    int failNext;

    FakeBlockLayer(VmFixture f, long sectors, long latency) {
        this.f = f;
        this.mem = f.mem;
        this.disk = new byte[Math.toIntExact(sectors * 512)];
        this.latency = latency;
    }

    @Override
    public List<String> devices() {
        return List.of("vda");
    }

    @Override
    public int device(String name) {
        return name.equals("vda") ? 0 : -1;
    }

    @Override
    public long sectors(int device) {
        return disk.length / 512;
    }

    @Override
    public boolean readOnly(int device) {
        return false;
    }

    @Override
    public int submit(BlockIo io) {
        if (io.device() != 0) {
            return -6;
        }
        submitted.add(io);
        events.computeIfAbsent(f.clock + latency, t -> new ArrayList<>()).add(() -> complete(io));
        return 0;
    }

    // Moves the bytes at completion time and calls the completion.
    private void complete(BlockIo io) {
        int off = Math.toIntExact(io.sector() * 512);
        for (int k = 0; k < io.segments(); k++) {
            int len = io.segmentLength(k);
            if (io.operation() == IoOperation.WRITE) {
                mem.read(io.segmentAddress(k), disk, off, len);
            } else {
                mem.write(io.segmentAddress(k), disk, off, len);
            }
            off += len;
        }
        int errno = 0;
        if (failNext > 0) {
            failNext--;
            errno = 5;
        }
        io.complete(errno);
    }

    /** Runs events in time order (the clock following) until done is true; fails when none is left. */
    void runUntil(java.util.function.BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            if (events.isEmpty()) {
                throw new AssertionError("waiting, and no I/O in flight");
            }
            var e = events.pollFirstEntry();
            f.clock = Math.max(f.clock, e.getKey());
            e.getValue().forEach(Runnable::run);
        }
    }

    /** Runs every pending event. */
    void drain() {
        runUntil(events::isEmpty);
    }

    /** I/Os of op submitted so far. */
    long count(IoOperation op) {
        return submitted.stream().filter(io -> io.operation() == op).count();
    }

    /** The 8 bytes at byte offset of the disk. */
    long diskLong(long offset) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (disk[Math.toIntExact(offset + i)] & 0xff);
        }
        return v;
    }

    @Override
    public String scheduler(int device) {
        return "noop";
    }

    @Override
    public Map<String, Long> counters(int device) {
        return Map.of();
    }

    @Override
    public Map<String, Long> processCounters(int pid) {
        return Map.of();
    }
}
