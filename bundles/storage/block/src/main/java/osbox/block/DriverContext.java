package osbox.block;

import osbox.api.hw.DmaEngine;
import osbox.api.hw.PhysicalMemory;

/**
 * What a disk driver needs of the machine and the kernel, given by the
 * block layer's component (and by fakes in tests): the clock and event
 * queue, physical memory, the DMA engine, kernel frames, interrupts and
 * charging the CPU. Simulation thread only.
 */
public interface DriverContext {
    /** The current cycle. */
    long now();

    /** The clock's frequency in Hz: cycles per second. */
    long clockHz();

    /** Runs {@code action} at cycle {@code at} on the simulation thread; returns an id for {@link #cancel}. */
    long schedule(long at, Runnable action);

    /** Cancels a scheduled action; false when it already ran. */
    boolean cancel(long id);

    /** The machine's physical memory (PIO copies, DMA lists). */
    PhysicalMemory memory();

    /** The DMA engine, or null when the machine has none (the driver then uses PIO only). */
    DmaEngine dma();

    /** A frame for the driver's own use (a DMA list), as {@link osbox.api.memory.MemoryManager#allocateKernelFrame}; -1 when none is left. */
    long allocateKernelFrame();

    /** Calls {@code handler} on the simulation thread whenever interrupt source {@code source} is raised. */
    void onInterrupt(int source, Runnable handler);

    /** The hart whose trap the kernel is handling, -1 outside a trap ({@link osbox.api.kernel.Kernel#currentHart}). */
    int currentHart();

    /** Charges kernel work to a hart ({@link osbox.api.kernel.Kernel#chargeCpu}). */
    void chargeCpu(int hart, long cycles);
}
