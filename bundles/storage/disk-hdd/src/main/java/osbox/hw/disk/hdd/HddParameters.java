package osbox.hw.disk.hdd;

/**
 * A hard disk's timing parameters, in nanoseconds unless named otherwise.
 *
 * @param rpm             spindle speed, revolutions per minute
 * @param heads           surfaces (one head each)
 * @param zones           sectors per track per zone, outer zone first
 * @param settleNs        the fixed part of every seek (accelerate, settle)
 * @param fullStrokeNs    a seek across all cylinders, settle included
 * @param linearSeek      true: the distance term grows linearly; false: with the square root
 *                        of the distance (short seeks are dominated by acceleration)
 * @param writeCache      whether writes without FUA complete once in the disk's cache
 * @param cacheSectors    the write cache's size in sectors (writes past it destage it first)
 * @param busBytesPerUs   the interface's rate, for writes into the cache and reads from the read cache
 * @param headSwitchNs    switching to another head of the same cylinder (a seek includes it)
 * @param trackSkewNs     how far sector 0 of the next head's track lies behind this one's, as time under
 *                        the head (rounded up to whole sectors): -1 for the geometry's own (the head
 *                        switch time, so a sequential read crossing heads loses no revolution); 0 none
 * @param cylinderSkewNs  the same from a cylinder's last track to the next cylinder's first: -1 for a
 *                        one-cylinder seek; 0 none
 * @param readAheadSectors the read cache's segment: after a read the drive keeps the track's sectors it
 *                        read and those passing under the head after them (on that track, up to this many
 *                        sectors from the read's first); a read of only those completes at bus speed. 0: off
 */
record HddParameters(int rpm, int heads, int[] zones, long settleNs, long fullStrokeNs, boolean linearSeek,
        boolean writeCache, int cacheSectors, long busBytesPerUs, long headSwitchNs, long trackSkewNs,
        long cylinderSkewNs, int readAheadSectors) {

    /**
     * 7200 rpm, 4 heads, three zones of 400/340/280 sectors per track, 1 ms settle, 15 ms full stroke, no
     * write cache; 1 ms head switch, the geometry's skews, a read cache segment of 1024 sectors (512 KiB).
     */
    static final HddParameters DEFAULT = new HddParameters(7200, 4, new int[] {400, 340, 280}, 1_000_000,
            15_000_000, false, false, 16384, 150, 1_000_000, -1, -1, 1024);

    /** The disk without head switch time, skew or read cache: every read goes to the platters. */
    HddParameters(int rpm, int heads, int[] zones, long settleNs, long fullStrokeNs, boolean linearSeek,
            boolean writeCache, int cacheSectors, long busBytesPerUs) {
        this(rpm, heads, zones, settleNs, fullStrokeNs, linearSeek, writeCache, cacheSectors, busBytesPerUs, 0, 0,
                0, 0);
    }

    /** Checks the ranges; IllegalArgumentException with the valid range when one is out. */
    HddParameters {
        if (rpm < 1 || rpm > 100_000) {
            throw new IllegalArgumentException("rpm must be 1..100000, not " + rpm);
        }
        if (heads < 1 || heads > 256) {
            throw new IllegalArgumentException("heads must be 1..256, not " + heads);
        }
        if (zones == null || zones.length == 0) {
            throw new IllegalArgumentException("zones needs at least one sectors-per-track count");
        }
        if (settleNs < 0 || fullStrokeNs < settleNs) {
            throw new IllegalArgumentException("seek times need 0 <= settle <= full stroke, not " + settleNs
                    + " and " + fullStrokeNs);
        }
        if (cacheSectors < 1 || busBytesPerUs < 1) {
            throw new IllegalArgumentException("the write cache needs >= 1 sector and a bus of >= 1 byte/us");
        }
        if (headSwitchNs < 0 || headSwitchNs > 1_000_000_000L) {
            throw new IllegalArgumentException("the head switch time must be 0..1000000000 ns, not " + headSwitchNs);
        }
        if (trackSkewNs < -1 || cylinderSkewNs < -1) {
            throw new IllegalArgumentException("a skew must be -1 (the geometry's), 0 (none) or a time, not "
                    + Math.min(trackSkewNs, cylinderSkewNs));
        }
        if (readAheadSectors < 0) {
            throw new IllegalArgumentException("the read cache must be 0 (off) or more sectors, not "
                    + readAheadSectors);
        }
    }

    /** Sectors per track of each zone from text such as {@code 400,340,280}. */
    static int[] zones(String text) {
        String[] items = text.split(",");
        int[] zones = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                zones[i] = Integer.parseInt(items[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("zones must be sectors per track, outer first, e.g. 400,340,280;"
                        + " not '" + text + "'");
            }
            if (zones[i] < 1 || zones[i] > 10_000) {
                throw new IllegalArgumentException("sectors per track must be 1..10000, not " + zones[i]);
            }
        }
        return zones;
    }
}
