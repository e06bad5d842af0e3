package osbox.hw.disk.hdd;

import osbox.api.hw.BlockDevice;
import osbox.hw.disk.MediaModel;

/**
 * A hard disk's timing: a seek to the target cylinder (settle plus a term
 * that grows with the distance), the rotational latency until the first
 * sector comes under the head (the platter's angle is the simulated time
 * modulo one revolution, sector 0 of every track at angle 0), and the
 * transfer while the sectors pass under the head (one revolution per
 * track, so outer zones, with more sectors per track, transfer faster).
 * A request that runs off a track continues on the next head at once and
 * on the next cylinder after a one-cylinder seek and a new rotational wait.
 *
 * <p>With the write cache on, a write without FUA costs only its bytes over
 * the bus and is remembered as dirty; FLUSH (or a write that would overflow
 * the cache) writes the dirty ranges to the platters in LBA order. Reads
 * always go to the platters.
 */
final class HddModel implements MediaModel {
    private static final String[] COUNTERS = {"seek_ns", "rotate_ns", "transfer_ns", "seeks", "seek_cylinders",
        "cached_writes", "destaged_sectors", "cylinder"};
    /** Dirty ranges the cache remembers before it must destage. */
    private static final int MAX_DIRTY_RANGES = 1024;

    private final HddParameters p;
    private final ZonedGeometry geometry;
    private final long revolutionNs;
    private final long[] dirtyLba = new long[MAX_DIRTY_RANGES];
    private final int[] dirtyCount = new int[MAX_DIRTY_RANGES];
    private int dirtyRanges;
    private long dirtySectors;
    private long cylinder;
    private long seekNs;
    private long rotateNs;
    private long transferNs;
    private long seeks;
    private long seekCylinders;
    private long cachedWrites;
    private long destagedSectors;

    /** A disk of {@code sectors} sectors with parameters {@code p}; the head starts on cylinder 0. */
    HddModel(long sectors, HddParameters p) {
        this.p = p;
        this.geometry = new ZonedGeometry(sectors, p.heads(), p.zones());
        this.revolutionNs = 60_000_000_000L / p.rpm();
    }

    @Override
    public String model() {
        return "hdd";
    }

    /** One revolution, in nanoseconds. */
    long revolutionNs() {
        return revolutionNs;
    }

    ZonedGeometry geometry() {
        return geometry;
    }

    /** The cylinder the head is on. */
    long cylinder() {
        return cylinder;
    }

    @Override
    public long read(long startNs, long lba, int count) {
        return mechanical(startNs, lba, count);
    }

    // Into the cache (bus time only) unless FUA or no cache; a cache that would overflow is destaged first.
    @Override
    public long write(long startNs, long lba, int count, boolean fua) {
        if (!p.writeCache() || fua) {
            return mechanical(startNs, lba, count);
        }
        long ns = 0;
        if (dirtySectors + count > p.cacheSectors() || dirtyRanges == MAX_DIRTY_RANGES) {
            ns += flush(startNs);
        }
        dirtyLba[dirtyRanges] = lba;
        dirtyCount[dirtyRanges] = count;
        dirtyRanges++;
        dirtySectors += count;
        cachedWrites++;
        ns += busNs(count);
        return ns;
    }

    // Writes the dirty ranges in LBA order (overlapping and adjacent ones merged), then forgets them.
    @Override
    public long flush(long startNs) {
        sortDirty();
        long t = startNs;
        int i = 0;
        while (i < dirtyRanges) {
            long first = dirtyLba[i];
            long end = first + dirtyCount[i];
            for (i++; i < dirtyRanges && dirtyLba[i] <= end; i++) {
                end = Math.max(end, dirtyLba[i] + dirtyCount[i]);
            }
            destagedSectors += end - first;
            t += mechanical(t, first, end - first);
        }
        dirtyRanges = 0;
        dirtySectors = 0;
        return t - startNs;
    }

    /**
     * The platters' time for {@code count} sectors from {@code lba} starting
     * at {@code startNs}: per track, seek if the cylinder changes, wait for
     * the first sector, transfer to the track's end or the request's.
     */
    long mechanical(long startNs, long lba, long count) {
        long t = startNs;
        while (count > 0) {
            int z = geometry.zone(lba);
            int spt = geometry.sectorsPerTrack(z);
            long target = geometry.cylinder(lba, z);
            if (target != cylinder) {
                long s = seekNs(Math.abs(target - cylinder));
                seeks++;
                seekCylinders += Math.abs(target - cylinder);
                seekNs += s;
                t += s;
                cylinder = target;
            }
            int sector = geometry.sector(lba, z);
            long wait = Math.floorMod(sectorAngle(sector, spt) - t, revolutionNs);
            rotateNs += wait;
            t += wait;
            int n = (int) Math.min(count, spt - sector);
            long x = sectorAngle(sector + n, spt) - sectorAngle(sector, spt);
            transferNs += x;
            t += x;
            lba += n;
            count -= n;
        }
        return t - startNs;
    }

    /** Time of a seek across {@code distance} cylinders: 0 for none, else settle plus the distance term. */
    long seekNs(long distance) {
        if (distance == 0) {
            return 0;
        }
        long maxDistance = Math.max(1, geometry.cylinders() - 1);
        double fraction = (double) distance / maxDistance;
        double term = p.linearSeek() ? fraction : Math.sqrt(fraction);
        return p.settleNs() + Math.round((p.fullStrokeNs() - p.settleNs()) * term);
    }

    /** Where in a revolution sector {@code s} of a track of {@code spt} sectors begins, in ns after angle 0. */
    private long sectorAngle(int s, int spt) {
        return s * revolutionNs / spt;
    }

    // Bytes over the interface into the cache, rounded up to whole nanoseconds.
    private long busNs(long sectors) {
        long bytes = sectors * BlockDevice.SECTOR_SIZE;
        return (bytes * 1000 + p.busBytesPerUs() - 1) / p.busBytesPerUs();
    }

    // Insertion sort of the dirty ranges by LBA (few, mostly in order): no allocation.
    private void sortDirty() {
        for (int i = 1; i < dirtyRanges; i++) {
            long l = dirtyLba[i];
            int c = dirtyCount[i];
            int j = i - 1;
            while (j >= 0 && dirtyLba[j] > l) {
                dirtyLba[j + 1] = dirtyLba[j];
                dirtyCount[j + 1] = dirtyCount[j];
                j--;
            }
            dirtyLba[j + 1] = l;
            dirtyCount[j + 1] = c;
        }
    }

    @Override
    public String[] counterNames() {
        return COUNTERS.clone();
    }

    @Override
    public void counters(long[] into) {
        into[0] = seekNs;
        into[1] = rotateNs;
        into[2] = transferNs;
        into[3] = seeks;
        into[4] = seekCylinders;
        into[5] = cachedWrites;
        into[6] = destagedSectors;
        into[7] = cylinder;
    }
}
