package osbox.block.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import osbox.api.hw.DmaEngine;
import osbox.api.hw.InterruptController;
import osbox.api.hw.PhysicalMemory;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;
import osbox.block.DriverContext;
import osbox.block.Request;
import osbox.hw.disk.DiskController;
import osbox.hw.disk.MediaModel;
import osbox.hw.disk.MemoryBackingStore;
import osbox.hw.dma.ScatterGatherDma;
import osbox.hw.memory.FrameStore;
import osbox.testkit.hw.FakeInterruptController;
import osbox.testkit.hw.FakeMachine;

/**
 * A disk, the real DMA engine and 1 MiB of real physical memory on a 1 GHz
 * fake machine (a cycle is a nanosecond), and a {@link DriverContext} over
 * them: interrupts are taken at the cycle they are raised, by
 * {@link #interruptedHart}, from the event queue (never inside the call that
 * raised them); charges are summed per hart.
 */
final class TestBench implements DriverContext {
    /** The DMA list's frame (page 10, address 0xA000). */
    static final long LIST_FRAME = 10;

    final FrameStore memory = new FrameStore(1 << 20);
    final FakeMachine machine = new FakeMachine(2, memory);
    final Interrupts intc = new Interrupts();
    final ScatterGatherDma dma;
    final DiskController disk;
    /** What {@link #currentHart} answers outside an interrupt (the submitter's hart). */
    int hart = 0;
    /** The hart an interrupt interrupts. */
    int interruptedHart = 1;
    boolean withDma = true;
    long frame = LIST_FRAME;
    final long[] charged = new long[2];
    final List<String> completions = new ArrayList<>();
    private int inInterrupt = -1;
    private long ids;

    /** A disk of {@code sectors} timed by {@code media}; DMA at 4000 bytes a microsecond, no setup. */
    TestBench(MediaModel media, long sectors) {
        dma = new ScatterGatherDma(machine, intc, 0, 4000);
        disk = new DiskController("vda", new MemoryBackingStore(sectors), media, machine, intc, dma);
    }

    /** A {@code count}-sector request at {@code sector} over one segment per 4 KiB from {@code address}. */
    Request request(IoOperation op, long sector, int count, long address, int flags) {
        int segments = op == IoOperation.FLUSH ? 0 : (count * 512 + 4095) / 4096;
        long[] at = new long[segments];
        int[] len = new int[segments];
        for (int i = 0; i < segments; i++) {
            at[i] = address + 4096L * i;
            len[i] = Math.min(4096, count * 512 - 4096 * i);
        }
        BlockIo io = new BlockIo(0, op, sector, count, at, len, flags, 1, 1, 0, (b, e) -> { });
        return new Request(++ids, io, machine.now());
    }

    /** What {@code done} records: "id:errno@cycle". */
    void done(Request r, int errno, long now) {
        completions.add(r.id() + ":" + errno + "@" + now);
    }

    @Override
    public long now() {
        return machine.now();
    }

    @Override
    public long clockHz() {
        return machine.frequencyHz();
    }

    @Override
    public long schedule(long at, Runnable action) {
        return machine.events().schedule(at, action);
    }

    @Override
    public boolean cancel(long id) {
        return machine.events().cancel(id);
    }

    @Override
    public PhysicalMemory memory() {
        return memory;
    }

    @Override
    public DmaEngine dma() {
        return withDma ? dma : null;
    }

    @Override
    public long allocateKernelFrame() {
        return frame;
    }

    @Override
    public void onInterrupt(int source, Runnable handler) {
        intc.handlers.merge(source, handler, (a, b) -> {
            throw new IllegalStateException("a second handler for source " + source);
        });
    }

    @Override
    public int currentHart() {
        return inInterrupt >= 0 ? inInterrupt : hart;
    }

    @Override
    public void chargeCpu(int hartId, long cycles) {
        charged[hartId] += cycles;
    }

    /** Raised sources become interrupts taken by {@link #interruptedHart} at the cycle raised. */
    final class Interrupts implements InterruptController {
        final TreeMap<Integer, Runnable> handlers = new TreeMap<>();
        private final FakeInterruptController sources = new FakeInterruptController();

        @Override
        public void raise(int source) {
            sources.raise(source);
            Runnable h = handlers.get(source);
            if (h != null) {
                machine.events().schedule(machine.now(), () -> {
                    inInterrupt = interruptedHart;
                    try {
                        h.run();
                    } finally {
                        inInterrupt = -1;
                    }
                });
            }
        }

        @Override
        public int sourceCount() {
            return sources.sourceCount();
        }

        @Override
        public int allocateSource(String deviceName) {
            return sources.allocateSource(deviceName);
        }

        @Override
        public void setPriority(int source, int priority) {
        }

        @Override
        public void setEnabled(int h, int source, boolean enabled) {
        }

        @Override
        public void setThreshold(int h, int threshold) {
        }

        @Override
        public int claim(int h) {
            return 0;
        }

        @Override
        public void complete(int h, int source) {
        }

        @Override
        public void setTimerPending(int h, boolean pending) {
        }

        @Override
        public int pendingFor(int h) {
            return 0;
        }

        @Override
        public long[] raiseCounts() {
            return sources.raiseCounts();
        }

        @Override
        public String sourceName(int source) {
            return sources.sourceName(source);
        }
    }

    /** A model whose every read and write takes 1 ms and flush nothing: times worked out by hand. */
    static final class OneMillisecond implements MediaModel {
        @Override
        public String model() {
            return "hdd";
        }

        @Override
        public long read(long startNs, long lba, int count) {
            return 1_000_000;
        }

        @Override
        public long write(long startNs, long lba, int count, boolean fua) {
            return 1_000_000;
        }

        @Override
        public long flush(long startNs) {
            return 0;
        }

        @Override
        public String[] counterNames() {
            return new String[0];
        }

        @Override
        public void counters(long[] into) {
        }
    }
}
