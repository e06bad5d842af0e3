package osbox.block.driver;

import java.util.LinkedHashMap;
import java.util.Map;
import osbox.block.driver.settings.DriverSettings;

/**
 * A disk driver's counters: the CPU cycles it charged for I/O (PIO copies,
 * polling, interrupts, and their total), the cycles the CPU was free while
 * the device worked, what it did, and its mode as numbers. Named
 * {@code driver_*} so the block layer can merge them with the queue's and
 * the device's own. Simulation thread only.
 */
final class DriverCounters {
    /** {@code driver_mode_transfer}: 0 DMA, 1 PIO; {@code driver_mode_completion}: 0 interrupt, 1 poll. */
    static final String[] NAMES = {"driver_pio_cycles", "driver_poll_cycles", "driver_interrupt_cycles",
        "driver_io_cycles", "driver_cpu_free_cycles", "driver_device_busy_cycles", "driver_interrupts",
        "driver_coalesced", "driver_spurious_interrupts", "driver_polls", "driver_pio_words",
        "driver_dma_transfers", "driver_pio_fallbacks", "driver_requests", "driver_errors",
        "driver_unattributed_charges", "driver_mode_transfer", "driver_mode_completion", "driver_coalesce_count",
        "driver_coalesce_cycles"};

    long pioCycles;
    long pollCycles;
    long interruptCycles;
    /** From the doorbell to the cycle the driver saw the device done, summed. */
    long deviceBusyCycles;
    long interrupts;
    /** Completions an interrupt covered beyond the one on the device (coalescing). */
    long coalescedCompletions;
    long spuriousInterrupts;
    long polls;
    long pioWords;
    long dmaTransfers;
    /** Requests moved by PIO although the mode said DMA (no engine, no frame, too many segments). */
    long pioFallbacks;
    long requests;
    long errors;
    /** Charges made with no hart known (an event outside a trap), given to hart 0. */
    long unattributedCharges;
    private long modeTransfer;
    private long modeCompletion;
    private long coalesceCount;
    private long coalesceCycles;

    /** Records the mode the next request starts with. */
    void mode(DriverSettings s) {
        modeTransfer = s.transfer() == DriverSettings.Transfer.DMA ? 0 : 1;
        modeCompletion = s.completion() == DriverSettings.Completion.INTERRUPT ? 0 : 1;
        coalesceCount = s.coalesceCount();
        coalesceCycles = s.coalesceCycles();
    }

    /** Every counter by name, in {@link #NAMES} order. */
    Map<String, Long> asMap() {
        long charged = pioCycles + pollCycles + interruptCycles;
        long[] values = {pioCycles, pollCycles, interruptCycles, charged, Math.max(0, deviceBusyCycles - charged),
            deviceBusyCycles, interrupts, coalescedCompletions, spuriousInterrupts, polls, pioWords, dmaTransfers,
            pioFallbacks, requests, errors, unattributedCharges, modeTransfer, modeCompletion, coalesceCount,
            coalesceCycles};
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.length; i++) {
            m.put(NAMES[i], values[i]);
        }
        return m;
    }
}
