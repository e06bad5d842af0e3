package osbox.block.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import osbox.api.hw.BlockDevice;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;
import osbox.api.kernel.Errno;
import osbox.block.DeviceDriver;
import osbox.block.DriverContext;
import osbox.block.Request;
import osbox.block.driver.settings.DriverSettings.Completion;
import osbox.block.driver.settings.DriverSettings.Transfer;
import osbox.block.driver.settings.DriverSettings;

/**
 * The driver of one disk: programs its registers ({@link BlockDevice})
 * for one request at a time, moves the data by DMA (a scatter-gather list
 * in a kernel frame) or by programmed I/O (the CPU copies every word
 * through the data port, and pays for it), and learns of the completion by
 * the device's interrupt (optionally coalesced) or by polling STATUS (the
 * CPU busy-waits, and pays for every interval). What each mode costs is
 * charged to the hart doing the work ({@link DriverContext#chargeCpu}) and
 * counted ({@link DriverCounters}). Its mode ({@link DriverSettings}) can
 * change at any time; it applies from the next request.
 *
 * <p>Simulation thread only. The block layer's queue makes one per disk
 * and calls {@link #start} only when {@link #idle}.
 */
public final class DiskDriver implements DeviceDriver {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DiskDriver.class);
    /** Bytes one access to the data port moves. */
    private static final int WORD = 8;

    /** A request on the device, and what its completion needs. */
    private static final class InFlight {
        final Request request;
        final Done done;
        final DriverSettings settings;
        final boolean dma;
        /** The hart that submitted it ({@link DriverContext#currentHart} at start; -1: none). */
        final int submitter;
        final long started;
        /** Set when the device's completion has been seen. */
        int errno;

        InFlight(Request request, Done done, DriverSettings settings, boolean dma, int submitter, long started) {
            this.request = request;
            this.done = done;
            this.settings = settings;
            this.dma = dma;
            this.submitter = submitter;
            this.started = started;
        }

        /** A PIO read leaves its data in the device's port until the driver copies them. */
        boolean dataWaiting() {
            return !dma && request.operation() == IoOperation.READ && errno == 0;
        }
    }

    private final int deviceNumber;
    private final BlockDevice disk;
    private final DriverContext context;
    private final DriverCounters counters = new DriverCounters();
    private final Runnable pollAction = this::poll;
    private final Runnable coalesceTimeout = this::coalesceTimeout;
    private final Runnable deferredInterrupt = this::deviceInterrupt;

    private DriverSettings settings = DriverSettings.DEFAULT;
    /** The DMA list's frame: not yet asked for (-2), none to be had (-1), or its page number. */
    private long listFrame = -2;
    private boolean pioFallbackLogged;
    private InFlight current;
    /** True while {@link #start} runs: a completion seen then is handled after it returns. */
    private boolean starting;
    private long pollEvent = -1;
    /** Coalescing: requests the device finished whose interrupt is not taken yet, oldest first. */
    private final List<InFlight> unnoticed = new ArrayList<>();
    private long coalesceEvent = -1;
    /** Told when the device is free while completions wait for a coalesced interrupt (the queue). */
    private Runnable idleListener;

    /**
     * The driver of {@code disk}, the block layer's device number
     * {@code deviceNumber}, over {@code context}; installs its interrupt
     * handler on the disk's source (once) and leaves the mode at
     * {@link DriverSettings#DEFAULT} until {@link #configure}.
     */
    public DiskDriver(int deviceNumber, BlockDevice disk, DriverContext context) {
        if (disk == null || context == null) {
            throw new IllegalArgumentException("a disk driver needs a disk and a driver context");
        }
        this.deviceNumber = deviceNumber;
        this.disk = disk;
        this.context = context;
        context.onInterrupt(disk.interruptSource(), this::deviceInterrupt);
        counters.mode(settings);
    }

    /**
     * Sets the mode from the next request on (the one in progress keeps
     * its own); throws IllegalArgumentException for settings that do not
     * pass {@link DriverSettings#checked}.
     */
    public void configure(DriverSettings newSettings) {
        if (newSettings == null) {
            throw new IllegalArgumentException("no driver settings");
        }
        settings = newSettings.checked();
        counters.mode(newSettings);
    }

    /** The mode the next request starts with. */
    public DriverSettings settings() {
        return settings;
    }

    /** The disk it drives. */
    public BlockDevice disk() {
        return disk;
    }

    @Override
    public boolean idle() {
        return current == null;
    }

    @Override
    public Map<String, Long> counters() {
        return counters.asMap();
    }

    /**
     * Programs the device for {@code request} and rings its doorbell; a PIO
     * write's words are copied (and charged to the submitting hart) at once.
     * {@code done} is called later, from an interrupt or a poll, never from
     * here. Throws IllegalStateException when not idle and
     * IllegalArgumentException for a request the device cannot take (past
     * {@link BlockDevice#MAX_SECTORS}, another device, a segment outside
     * memory): the queue must never send one.
     */
    @Override
    public void start(Request request, Done done) {
        if (current != null) {
            throw new IllegalStateException(disk.name() + ": start while " + current.request + " is in progress");
        }
        check(request);
        DriverSettings s = settings;
        boolean dma = s.transfer() == Transfer.DMA && request.operation() != IoOperation.FLUSH && dmaListFor(request);
        current = new InFlight(request, done, s, dma, context.currentHart(), context.now());
        counters.requests++;
        starting = true;
        try {
            disk.writeRegister(BlockDevice.REG_INTERRUPT_ENABLE, s.completion() == Completion.INTERRUPT ? 1 : 0);
            disk.writeRegister(BlockDevice.REG_COMMAND, command(request.operation()));
            disk.writeRegister(BlockDevice.REG_FLAGS, deviceFlags(request.flags()));
            disk.writeRegister(BlockDevice.REG_LBA, request.sector());
            disk.writeRegister(BlockDevice.REG_COUNT, request.count());
            disk.writeRegister(BlockDevice.REG_TRANSFER, dma ? BlockDevice.TRANSFER_DMA : BlockDevice.TRANSFER_PIO);
            disk.writeRegister(BlockDevice.REG_DMA_LIST, dma ? listFrame << osbox.api.hw.PhysicalMemory.PAGE_SHIFT : 0);
            disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
            if (dma) {
                counters.dmaTransfers++;
            } else if (request.operation() == IoOperation.WRITE
                    && (disk.readRegister(BlockDevice.REG_STATUS) & BlockDevice.STATUS_DRQ) != 0) {
                copyOut(request, current.submitter, s);
            }
        } finally {
            starting = false;
        }
        if (s.completion() == Completion.POLL) {
            pollEvent = context.schedule(context.now() + s.pollInterval(), pollAction);
        }
    }

    // ---- completion by interrupt ----

    /**
     * The disk raised its interrupt. Without coalescing the interrupt is
     * taken: its cost is charged to the interrupted hart and the request
     * completes. With coalescing the device's completion is only recorded
     * (as a controller holding its interrupt back would) until the Nth or
     * the timer.
     */
    private void deviceInterrupt() {
        if (starting) {
            context.schedule(context.now(), deferredInterrupt);   // never complete from inside start
            return;
        }
        long status = disk.readRegister(BlockDevice.REG_STATUS);
        InFlight r = current;
        boolean finished = r != null && (status & BlockDevice.STATUS_DONE) != 0;
        if (finished && r.settings.completion() == Completion.POLL) {
            return;                                           // its poll will see it
        }
        if (!finished) {
            counters.spuriousInterrupts++;
            return;
        }
        recordDeviceDone(r, status);
        if (!r.settings.coalescing()) {
            takeInterrupt(context.currentHart());
            return;
        }
        if (!r.dataWaiting()) {
            // the device is free for the next command; the request waits for the coalesced interrupt
            disk.writeRegister(BlockDevice.REG_INTERRUPT_ACK, 1);
            unnoticed.add(r);
            current = null;
        }
        int seen = unnoticed.size() + (current != null ? 1 : 0);
        if (seen >= r.settings.coalesceCount()) {
            takeInterrupt(context.currentHart());
        } else {
            if (coalesceEvent < 0 && r.settings.coalesceCycles() > 0) {
                coalesceEvent = context.schedule(context.now() + r.settings.coalesceCycles(), coalesceTimeout);
            }
            if (current == null && idleListener != null) {
                idleListener.run();                           // the device is free: the queue starts the next
            }
        }
    }

    @Override
    public void onIdle(Runnable idle) {
        this.idleListener = idle;
    }

    // The coalescing timer ran out: the interrupt is taken for what has completed (charged to hart 0 when no hart traps).
    private void coalesceTimeout() {
        coalesceEvent = -1;
        if (!unnoticed.isEmpty() || (current != null && current.dataWaiting() && deviceDone())) {
            takeInterrupt(context.currentHart());
        }
    }

    /**
     * One interrupt taken on {@code hart}: its cost is charged, then every
     * completion it covers is handled there (the coalesced ones in order,
     * then the one on the device).
     */
    private void takeInterrupt(int hart) {
        if (coalesceEvent >= 0) {
            context.cancel(coalesceEvent);
            coalesceEvent = -1;
        }
        counters.interrupts++;
        long cost = current != null ? current.settings.interruptCycles()
                : unnoticed.isEmpty() ? settings.interruptCycles() : unnoticed.get(0).settings.interruptCycles();
        counters.interruptCycles += charge(hart, cost);
        List<InFlight> batch = new ArrayList<>(unnoticed);
        unnoticed.clear();
        InFlight onDevice = current != null && deviceDone() ? current : null;
        int covered = batch.size() + (onDevice != null ? 1 : 0);
        counters.coalescedCompletions += Math.max(0, covered - 1);
        if (onDevice != null) {
            finishOnDevice(onDevice, hart);
        }
        for (InFlight r : batch) {
            r.done.completed(r.request, r.errno, context.now());
        }
        if (onDevice != null) {
            onDevice.done.completed(onDevice.request, onDevice.errno, context.now());
        }
    }

    // ---- completion by polling ----

    /** One read of STATUS after a busy-wait of a poll interval, charged to the submitter's hart. */
    private void poll() {
        pollEvent = -1;
        InFlight r = current;
        if (r == null) {
            return;
        }
        counters.polls++;
        counters.pollCycles += charge(r.submitter, r.settings.pollInterval());
        long status = disk.readRegister(BlockDevice.REG_STATUS);
        if ((status & BlockDevice.STATUS_DONE) == 0) {
            pollEvent = context.schedule(context.now() + r.settings.pollInterval(), pollAction);
            return;
        }
        recordDeviceDone(r, status);
        finishOnDevice(r, r.submitter);
        r.done.completed(r.request, r.errno, context.now());
    }

    // ---- shared steps ----

    // The device has finished r (seen now, with this status): its errno and its busy time.
    private void recordDeviceDone(InFlight r, long status) {
        r.errno = (status & BlockDevice.STATUS_ERROR) != 0 ? Errno.EIO : 0;
        if (r.errno != 0) {
            counters.errors++;
        }
        counters.deviceBusyCycles += context.now() - r.started;
    }

    /**
     * The request on the device is over, on {@code hart}: a PIO read's
     * words are copied out of the port (charged there), the completion is
     * acknowledged and the device is free. The caller then calls done.
     */
    private void finishOnDevice(InFlight r, int hart) {
        if (r.dataWaiting()) {
            copyIn(r.request, hart, r.settings);
        }
        disk.writeRegister(BlockDevice.REG_INTERRUPT_ACK, 1);
        current = null;
    }

    private boolean deviceDone() {
        return (disk.readRegister(BlockDevice.REG_STATUS) & BlockDevice.STATUS_DONE) != 0;
    }

    /** PIO write: every word of the segments into the data port, charged to {@code hart}. */
    private void copyOut(Request request, int hart, DriverSettings s) {
        copyWords(request, hart, s, true);
    }

    /** PIO read: every word from the data port into the segments, charged to {@code hart}. */
    private void copyIn(Request request, int hart, DriverSettings s) {
        copyWords(request, hart, s, false);
    }

    // The kernel's copy loop: each 8-byte word between the segments and DATA, then its cost charged and counted.
    private void copyWords(Request request, int hart, DriverSettings s, boolean toDevice) {
        var memory = context.memory();
        long words = 0;
        for (BlockIo io : request.ios()) {
            for (int k = 0; k < io.segments(); k++) {
                long at = io.segmentAddress(k);
                for (int off = 0; off < io.segmentLength(k); off += WORD) {
                    if (toDevice) {
                        disk.writeRegister(BlockDevice.REG_DATA, memory.load(at + off, WORD));
                    } else {
                        memory.store(at + off, WORD, disk.readRegister(BlockDevice.REG_DATA));
                    }
                    words++;
                }
            }
        }
        counters.pioWords += words;
        counters.pioCycles += charge(hart, words * s.pioCyclesPerWord());
    }

    /** Charges {@code cycles} to {@code hart}, or to hart 0 (counted) when no hart is known; returns them. */
    private long charge(int hart, long cycles) {
        if (cycles <= 0) {
            return 0;
        }
        if (hart < 0) {
            counters.unattributedCharges++;
            hart = 0;
        }
        context.chargeCpu(hart, cycles);
        return cycles;
    }

    /**
     * Writes the request's segments as a DMA list into the driver's frame
     * (asked for once), joining physically adjacent ones; false when the
     * request must go by PIO instead: no DMA engine, no frame, or more
     * segments than a frame's list holds (each said once in the log, and
     * counted).
     */
    private boolean dmaListFor(Request request) {
        if (context.dma() == null || listFrame == -1) {
            fallBackToPio(context.dma() == null ? "the machine has no DMA engine" : "no kernel frame for its DMA list");
            return false;
        }
        if (listFrame == -2) {
            listFrame = context.allocateKernelFrame();
            if (listFrame < 0) {
                listFrame = -1;
                fallBackToPio("no kernel frame for its DMA list");
                return false;
            }
        }
        long[] addresses = new long[DmaList.CAPACITY];
        int[] lengths = new int[DmaList.CAPACITY];
        int n = DmaList.join(request.ios(), addresses, lengths);
        if (n < 0) {
            counters.pioFallbacks++;
            return false;
        }
        DmaList.write(context.memory(), listFrame << osbox.api.hw.PhysicalMemory.PAGE_SHIFT, addresses, lengths, n);
        return true;
    }

    private void fallBackToPio(String why) {
        counters.pioFallbacks++;
        if (!pioFallbackLogged) {
            pioFallbackLogged = true;
            LOG.warn("{}: DMA mode but {}: using PIO", disk.name(), why);
        }
    }

    // The request must fit the device and lie in memory: a queue that breaks this has a bug.
    private void check(Request request) {
        if (request.device() != deviceNumber) {
            throw new IllegalArgumentException(disk.name() + " (device " + deviceNumber + ") got " + request
                    + " of device " + request.device());
        }
        if (request.operation() != IoOperation.FLUSH && request.count() > BlockDevice.MAX_SECTORS) {
            throw new IllegalArgumentException(disk.name() + ": " + request + " is past the device's "
                    + BlockDevice.MAX_SECTORS + " sectors a command");
        }
        var memory = context.memory();
        for (BlockIo io : request.ios()) {
            for (int k = 0; k < io.segments(); k++) {
                if (!memory.contains(io.segmentAddress(k), io.segmentLength(k))) {
                    throw new IllegalArgumentException(disk.name() + ": " + io + " has a segment outside memory at 0x"
                            + Long.toHexString(io.segmentAddress(k)));
                }
            }
        }
    }

    private static long command(IoOperation op) {
        return switch (op) {
            case READ -> BlockDevice.CMD_READ;
            case WRITE -> BlockDevice.CMD_WRITE;
            case FLUSH -> BlockDevice.CMD_FLUSH;
        };
    }

    private static long deviceFlags(int ioFlags) {
        return ((ioFlags & BlockIo.FUA) != 0 ? BlockDevice.FLAG_FUA : 0)
                | ((ioFlags & BlockIo.PREFLUSH) != 0 ? BlockDevice.FLAG_PREFLUSH : 0);
    }
}
