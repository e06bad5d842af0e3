package osbox.hw.dma;

import osbox.api.hw.DmaEngine;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.hw.PhysicalMemory;

/**
 * The DMA engine: follows a scatter-gather list in guest physical memory
 * ({@link DmaEngine} gives the descriptor format), copies between a device's
 * buffer and the segments, and ends the transfer after {@code setupNs} plus
 * the bytes at {@code bytesPerMicrosecond} of simulated time, when it calls
 * the device back and (if asked) raises its own interrupt. The list is
 * checked whole before a byte moves, so a bad list moves nothing. The CPU
 * is free while the engine works: the cycles are counted as
 * {@link #busyCycles()}.
 *
 * <p>Plain Java: the component wraps it; tests build it with {@code new}.
 * Transfers may overlap (each has its own completion event). Runs on the
 * simulation thread.
 */
public final class ScatterGatherDma implements DmaEngine {
    private final Machine machine;
    private final PhysicalMemory memory;
    private final InterruptController intc;
    private final int source;
    private final long setupNs;
    private final long bytesPerMicrosecond;
    private long transfers;
    private long bytesMoved;
    private long busyCycles;

    /**
     * An engine on {@code machine}'s memory and clock, raising a source it
     * allocates on {@code intc}; a transfer costs {@code setupNs} plus its
     * bytes at {@code bytesPerMicrosecond} (at least 1).
     */
    public ScatterGatherDma(Machine machine, InterruptController intc, long setupNs, long bytesPerMicrosecond) {
        if (machine == null || machine.memory() == null || intc == null) {
            throw new IllegalArgumentException("a DMA engine needs a machine with memory and an interrupt controller");
        }
        if (setupNs < 0 || bytesPerMicrosecond < 1) {
            throw new IllegalArgumentException("DMA setup must be >= 0 ns and bandwidth >= 1 byte/us, not "
                    + setupNs + " ns and " + bytesPerMicrosecond);
        }
        this.machine = machine;
        this.memory = machine.memory();
        this.intc = intc;
        this.source = intc.allocateSource("dma");
        this.setupNs = setupNs;
        this.bytesPerMicrosecond = bytesPerMicrosecond;
    }

    // Checks the list, copies segment by segment, and schedules the completion at the transfer's cost.
    @Override
    public long transfer(long listAddress, byte[] buffer, int length, boolean toMemory, boolean interrupt,
            Completion done) {
        if (buffer == null || done == null || length < 0 || length > buffer.length) {
            throw new IllegalArgumentException("DMA transfer of " + length + " bytes needs a buffer that holds them"
                    + " and a completion");
        }
        if (!listCovers(listAddress, length)) {
            done.done(BAD_LIST, 0);
            return 0;
        }
        long desc = listAddress;
        int moved = 0;
        while (moved < length) {
            long address = memory.load(desc, 8);
            int n = (int) Math.min(memory.load(desc + 8, 4), length - moved);
            if (toMemory) {
                memory.write(address, buffer, moved, n);
            } else {
                memory.read(address, buffer, moved, n);
            }
            moved += n;
            desc += DESCRIPTOR_SIZE;
        }
        long ns = setupNs + (length * 1000L + bytesPerMicrosecond - 1) / bytesPerMicrosecond;
        long cycles = ns / 1_000_000_000L * machine.frequencyHz()
                + ns % 1_000_000_000L * machine.frequencyHz() / 1_000_000_000L;
        busyCycles += cycles;
        machine.events().schedule(machine.now() + cycles, () -> {
            transfers++;
            bytesMoved += length;
            if (interrupt) {
                intc.raise(source);
            }
            done.done(OK, length);
        });
        return cycles;
    }

    // Whether the list at listAddress is well formed and its segments, inside memory, hold length bytes.
    private boolean listCovers(long listAddress, int length) {
        long covered = 0;
        long desc = listAddress;
        for (int k = 0; k < MAX_DESCRIPTORS && covered < length; k++) {
            if (!memory.contains(desc, DESCRIPTOR_SIZE)) {
                return false;
            }
            long address = memory.load(desc, 8);
            long n = memory.load(desc + 8, 4);
            long flags = memory.load(desc + 12, 4);
            if (n == 0 || !memory.contains(address, n)) {
                return false;
            }
            covered += n;
            if ((flags & DESCRIPTOR_LAST) != 0) {
                break;
            }
            desc += DESCRIPTOR_SIZE;
        }
        return covered >= length;
    }

    @Override
    public int interruptSource() {
        return source;
    }

    @Override
    public long transfers() {
        return transfers;
    }

    @Override
    public long bytesMoved() {
        return bytesMoved;
    }

    @Override
    public long busyCycles() {
        return busyCycles;
    }
}
