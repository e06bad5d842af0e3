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
 * A request that runs off a track continues on the next head after a head
 * switch, and on the next cylinder after a one-cylinder seek, each with a
 * new rotational wait; track and cylinder skew (sector 0 of each track
 * offset by the time those take) make that wait near zero, so a sequential
 * read does not lose a revolution per track.
 *
 * <p>The read cache (a track buffer): after a read, the drive keeps the
 * sectors it read on the track it ended on and goes on reading the sectors
 * that pass under the head after them (to the track's end, at most the
 * segment's size from the first) while it waits for the next command; a
 * read of only such sectors is a hit, costing only its bytes over the bus.
 * Any other command moves on and empties the segment.
 *
 * <p>With the write cache on, a write without FUA costs only its bytes over
 * the bus and is remembered as dirty; FLUSH (or a write that would overflow
 * the cache) writes the dirty ranges to the platters in LBA order. Reads
 * always go to the platters.
 */
final class HddModel implements MediaModel {
    private static final String[] COUNTERS = {"seek_ns", "rotate_ns", "transfer_ns", "seeks", "seek_cylinders",
        "cached_writes", "destaged_sectors", "cylinder", "head_switches", "read_hits", "read_hit_sectors"};
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
    private long headSwitches;
    private long readHits;
    private long readHitSectors;
    /** The head in use (-1 before the first access). */
    private int activeHead = -1;
    /** Track and cylinder skew in whole sectors, per zone. */
    private final int[] trackSkew;
    private final int[] cylinderSkew;
    /** The read cache's segment: valid, its first LBA, the LBA after the last read, when that read ended, the track's end. */
    private boolean segmentValid;
    private long segmentFirst;
    private long segmentEnd;
    private long segmentEndNs;
    private long segmentTrackEnd;

    /** A disk of {@code sectors} sectors with parameters {@code p}; the head starts on cylinder 0. */
    HddModel(long sectors, HddParameters p) {
        this.p = p;
        this.geometry = new ZonedGeometry(sectors, p.heads(), p.zones());
        this.revolutionNs = 60_000_000_000L / p.rpm();
        int zones = p.zones().length;
        this.trackSkew = new int[zones];
        this.cylinderSkew = new int[zones];
        long trackNs = p.trackSkewNs() >= 0 ? p.trackSkewNs() : p.headSwitchNs();
        long cylinderNs = p.cylinderSkewNs() >= 0 ? p.cylinderSkewNs() : seekNs(1);
        for (int z = 0; z < zones; z++) {
            trackSkew[z] = sectorsIn(trackNs, p.zones()[z]);
            cylinderSkew[z] = sectorsIn(cylinderNs, p.zones()[z]);
        }
    }

    /** The whole sectors of a track of spt sectors that pass under the head in ns (rounded up; mod spt). */
    private int sectorsIn(long ns, int spt) {
        return (int) (((ns * spt + revolutionNs - 1) / revolutionNs) % spt);
    }

    /** Track skew in sectors in zone z (for tests). */
    int trackSkew(int z) {
        return trackSkew[z];
    }

    /** Cylinder skew in sectors in zone z (for tests). */
    int cylinderSkew(int z) {
        return cylinderSkew[z];
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

    /** A hit in the read cache costs the bus time only; a miss goes to the platters and refills the segment. */
    @Override
    public long read(long startNs, long lba, int count) {
        if (cached(startNs, lba, count)) {
            readHits++;
            readHitSectors += count;
            return busNs(count);
        }
        long ns = mechanical(startNs, lba, count);
        if (p.readAheadSectors() > 0 && count > 0) {
            long last = lba + count - 1;
            int z = geometry.zone(last);
            long trackStart = last - geometry.sector(last, z);
            segmentValid = true;
            segmentFirst = Math.max(lba, trackStart);
            segmentEnd = last + 1;
            segmentEndNs = startNs + ns;
            segmentTrackEnd = trackStart + geometry.sectorsPerTrack(z);
        }
        return ns;
    }

    /**
     * Whether sectors lba to lba+count-1 are all in the read cache at startNs:
     * read by the last read on its final track, or passed under the head
     * since (to the track's end and the segment's size).
     */
    private boolean cached(long startNs, long lba, int count) {
        if (!segmentValid || lba < segmentFirst) {
            return false;
        }
        int spt = geometry.sectorsPerTrack(geometry.zone(segmentFirst));
        long passed = Math.max(0, startNs - segmentEndNs) * spt / revolutionNs;
        long available = Math.min(Math.min(segmentTrackEnd, segmentEnd + passed),
                segmentFirst + p.readAheadSectors());
        return lba + count <= available;
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
        segmentValid = false;
        long t = startNs;
        while (count > 0) {
            int z = geometry.zone(lba);
            int spt = geometry.sectorsPerTrack(z);
            long target = geometry.cylinder(lba, z);
            int head = geometry.head(lba, z);
            if (target != cylinder) {
                long s = seekNs(Math.abs(target - cylinder));
                seeks++;
                seekCylinders += Math.abs(target - cylinder);
                seekNs += s;
                t += s;
                cylinder = target;
            } else if (activeHead >= 0 && head != activeHead) {
                headSwitches++;
                seekNs += p.headSwitchNs();
                t += p.headSwitchNs();
            }
            activeHead = head;
            int sector = geometry.sector(lba, z);
            long wait = Math.floorMod(sectorAngle(skewed(sector, target, head, z), spt) - t, revolutionNs);
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

    /**
     * Where sector {@code sector} of track (cylinder, head) in zone z lies
     * on the platter, in sectors from angle 0: each head's track is offset by
     * the track skew from the previous head's, each cylinder's first by the
     * cylinder skew from the previous cylinder's last.
     */
    private int skewed(int sector, long cylinder, int head, int z) {
        int spt = geometry.sectorsPerTrack(z);
        long perCylinder = (long) (geometry.heads() - 1) * trackSkew[z] + cylinderSkew[z];
        return (int) ((sector + (long) head * trackSkew[z] + cylinder % spt * (perCylinder % spt)) % spt);
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
        into[8] = headSwitches;
        into[9] = readHits;
        into[10] = readHitSectors;
    }
}
