package osbox.hw.disk.ssd;

import java.util.Arrays;
import osbox.api.hw.BlockDevice;
import osbox.hw.disk.MediaModel;

/**
 * An SSD's timing over its {@link FlashTranslation}: each channel does one
 * flash operation at a time (read, program or erase), channels work in
 * parallel, and the host interface moves one page at a time at its rate.
 * A request ends when its last operation does, collection included (the
 * collector runs in the foreground, so a write that triggers it waits for
 * it). A write that covers part of a page it does not own whole reads the
 * old page first (read-modify-write). No write cache: FLUSH costs nothing.
 */
final class SsdModel implements MediaModel, FlashTranslation.FlashOps {
    private static final String[] COUNTERS = {"host_pages_written", "flash_pages_written", "flash_pages_read",
        "gc_pages_moved", "gc_runs", "erases", "erase_max", "erase_min", "write_amplification_milli"};

    private final SsdParameters p;
    private final FlashTranslation ftl;
    private final long[] channelFree;
    private final long pageBusNs;
    // The operation being timed: when its ops may start, and when the latest ends.
    private long opStart;
    private long opEnd;

    /** An SSD of {@code sectors} sectors with parameters {@code p}. */
    SsdModel(long sectors, SsdParameters p) {
        this.p = p;
        this.ftl = new FlashTranslation(Math.toIntExact((sectors + p.pageSectors() - 1) / p.pageSectors()), p);
        this.channelFree = new long[p.channels()];
        long pageBytes = (long) p.pageSectors() * BlockDevice.SECTOR_SIZE;
        this.pageBusNs = (pageBytes * 1000 + p.busBytesPerUs() - 1) / p.busBytesPerUs();
    }

    @Override
    public String model() {
        return "ssd";
    }

    FlashTranslation ftl() {
        return ftl;
    }

    // Each page: a flash read on its channel (unwritten pages read as zeros without one), then the bus.
    @Override
    public long read(long startNs, long lba, int count) {
        begin(startNs);
        long bus = startNs;
        for (int lpn = firstPage(lba); lpn <= lastPage(lba, count); lpn++) {
            opStart = startNs;
            ftl.read(lpn, this);
            bus = Math.max(bus, opEnd) + pageBusNs;
        }
        return Math.max(bus, opEnd) - startNs;
    }

    // Each page: over the bus, then (after reading the old page for a partial one) programmed out of place.
    @Override
    public long write(long startNs, long lba, int count, boolean fua) {
        begin(startNs);
        long bus = startNs;
        int first = firstPage(lba);
        int last = lastPage(lba, count);
        for (int lpn = first; lpn <= last; lpn++) {
            bus += pageBusNs;
            opStart = bus;
            boolean partial = (lpn == first && lba % p.pageSectors() != 0)
                    || (lpn == last && (lba + count) % p.pageSectors() != 0);
            if (partial) {
                ftl.read(lpn, this);
                opStart = Math.max(opStart, opEnd);
            }
            ftl.write(lpn, this);
        }
        return Math.max(bus, opEnd) - startNs;
    }

    @Override
    public long flush(long startNs) {
        return 0;
    }

    @Override
    public void read(int channel) {
        occupy(channel, p.readNs());
    }

    @Override
    public void program(int channel) {
        occupy(channel, p.programNs());
    }

    @Override
    public void erase(int channel) {
        occupy(channel, p.eraseNs());
    }

    // One operation on a channel: after the channel is free and the operation may start.
    private void occupy(int channel, long ns) {
        long start = Math.max(opStart, channelFree[channel]);
        channelFree[channel] = start + ns;
        opEnd = Math.max(opEnd, start + ns);
    }

    private void begin(long startNs) {
        opStart = startNs;
        opEnd = startNs;
    }

    private int firstPage(long lba) {
        return (int) (lba / p.pageSectors());
    }

    private int lastPage(long lba, int count) {
        return (int) ((lba + count - 1) / p.pageSectors());
    }

    /** When each channel is next free, in ns (for tests). */
    long[] channelFree() {
        return Arrays.copyOf(channelFree, channelFree.length);
    }

    @Override
    public String[] counterNames() {
        return COUNTERS.clone();
    }

    @Override
    public void counters(long[] into) {
        into[0] = ftl.hostWrites();
        into[1] = ftl.flashWrites();
        into[2] = ftl.flashReads();
        into[3] = ftl.gcMoves();
        into[4] = ftl.gcRuns();
        into[5] = ftl.erases();
        into[6] = ftl.maxErases();
        into[7] = ftl.minErases();
        into[8] = ftl.writeAmplificationMilli();
    }
}
