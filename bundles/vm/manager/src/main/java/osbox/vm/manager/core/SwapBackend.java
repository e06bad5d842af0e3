package osbox.vm.manager.core;

/**
 * Where swapped pages go besides the swap area's own copy: a device the
 * page-outs and page-ins of user faults travel through, taking its time
 * ({@link BlockSwapBackend}: BlockIos through the block layer). Without
 * one (the default) swap is the host-memory area of {@link SwapArea}, each
 * transfer charged {@link SwapArea#cycles()} at once, as before. Both calls
 * are made on the simulation thread; {@code done} runs there, exactly once,
 * later (never inside the call), with 0 or Linux's errno.
 */
public interface SwapBackend {
    /** Called once when a transfer has completed: errno 0, or Linux's errno (EIO 5). */
    @FunctionalInterface
    interface Done {
        void completed(int errno);
    }

    /** Slots (4 KiB pages) the device holds: the swap area's size. */
    long slots();

    /** Starts writing frame ppn's 4 KiB to slot; the frame must stay untouched until done runs. */
    void write(long slot, long ppn, Done done);

    /** Starts reading slot's 4 KiB into frame ppn (a synchronous read: the faulting thread waits for it). */
    void read(long slot, long ppn, Done done);

    /** The device's name, for reports (vdb, ...). */
    String name();
}
