package osbox.block;

import java.util.Map;

/**
 * What a device's request queue asks of its driver (one driver per disk,
 * in {@code osbox.block.driver}): start a dispatched request on the
 * device, and say when it is done. The driver programs the disk's
 * registers ({@link osbox.api.hw.BlockDevice}), moves the data by DMA or
 * PIO, and learns of the completion by interrupt or by polling, as its
 * mode says. Simulation thread only.
 */
public interface DeviceDriver {
    /** Told when a started request has completed. */
    @FunctionalInterface
    interface Done {
        /** {@code request} completed at cycle {@code now}: errno 0, or Linux's positive errno (EIO). */
        void completed(Request request, int errno, long now);
    }

    /**
     * Starts {@code request} on the device and calls {@code done} exactly
     * once when it completes (never from inside this call). The caller
     * makes sure the driver is {@link #idle()}: one request at a time.
     */
    void start(Request request, Done done);

    /** Whether no request is in progress on the device. */
    boolean idle();

    /**
     * Whom to tell when the driver becomes idle before it reports a
     * request done (with interrupt coalescing, the device finished and its
     * completion waits for the coalesced interrupt): the queue, so the next
     * request starts meanwhile. Called at most once per such moment, never
     * from inside {@link #start}. The default: a driver that never does so.
     */
    default void onIdle(Runnable idle) {
    }

    /**
     * The driver's counters by name, in a fixed order: CPU cycles spent on
     * I/O (PIO copies, polling, interrupt handling), cycles the CPU was free
     * while the device worked, interrupts taken, polls, and its mode.
     */
    Map<String, Long> counters();
}
