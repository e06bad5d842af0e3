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
 * @param busBytesPerUs   the interface's rate, for writes into the cache
 */
record HddParameters(int rpm, int heads, int[] zones, long settleNs, long fullStrokeNs, boolean linearSeek,
        boolean writeCache, int cacheSectors, long busBytesPerUs) {

    /** 7200 rpm, 4 heads, three zones of 400/340/280 sectors per track, 1 ms settle, 15 ms full stroke, no cache. */
    static final HddParameters DEFAULT = new HddParameters(7200, 4, new int[] {400, 340, 280}, 1_000_000,
            15_000_000, false, false, 16384, 150);

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
