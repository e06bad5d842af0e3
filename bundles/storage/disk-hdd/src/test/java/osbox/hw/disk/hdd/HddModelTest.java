package osbox.hw.disk.hdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Timings worked out by hand. The small disk: 6000 rpm (a revolution is
 * 10 ms), 2 heads, zones of 10 and 5 sectors per track, 100 sectors: 30
 * sectors per cylinder round, so 4 cylinders per zone: zone 0 is cylinders
 * 0-3 (LBA 0-79, 1 ms per sector), zone 1 cylinders 4-7 (LBA 80-119, 2 ms
 * per sector). Linear seeks: 1 ms settle, 8 ms across all 7 cylinder
 * steps, so seek(d) = 1 ms + d ms.
 */
class HddModelTest {
    private static final long MS = 1_000_000;

    private static HddParameters small(boolean linear, boolean cache, int cacheSectors) {
        return new HddParameters(6000, 2, new int[] {10, 5}, 1 * MS, 8 * MS, linear, cache, cacheSectors, 100);
    }

    private final HddModel disk = new HddModel(100, small(true, false, 16));

    @Test
    void theGeometryHasZonesWithMoreSectorsOutside() {
        ZonedGeometry g = disk.geometry();
        assertEquals(8, g.cylinders());
        assertEquals(0, g.zone(79));
        assertEquals(1, g.zone(80));
        assertEquals(1, g.cylinder(25, 0));
        assertEquals(0, g.head(25, 0));
        assertEquals(5, g.sector(25, 0));
        assertEquals(1, g.head(35, 0));
        assertEquals(4, g.cylinder(80, 1));
        assertEquals(7, g.cylinder(119, 1));
        assertEquals(10 * MS, disk.revolutionNs());
    }

    @Test
    void aSectorUnderTheHeadCostsOnlyItsTransfer() {
        assertEquals(1 * MS, disk.read(0, 0, 1));
    }

    @Test
    void seekThenWaitForTheSectorThenTransfer() {
        // cylinder 1 (seek 1 + 1 ms, at 2 ms), sector 5 begins at 5 ms: wait 3 ms, transfer 1 ms
        assertEquals(6 * MS, disk.read(0, 25, 1));
        assertEquals(1, disk.cylinder());
        assertEquals(java.util.List.of(2 * MS, 3 * MS, 1 * MS),
                java.util.List.of(counter("seek_ns"), counter("rotate_ns"), counter("transfer_ns")));
    }

    @Test
    void theWaitDependsOnThePlattersAngleAtTheStart() {
        // at 3 ms sector 0 has just passed: wait until it comes round at 10 ms
        assertEquals(8 * MS, disk.read(3 * MS, 0, 1));
        // at 13 ms the same again: the angle is the time modulo a revolution
        assertEquals(8 * MS, disk.read(13 * MS, 0, 1));
    }

    @Test
    void aRequestRunsOnToTheNextHeadWithoutWaiting() {
        // sectors 8, 9 (wait 8 ms, 2 ms) end at angle 0, where head 1's sector 0 starts: 2 ms more
        assertEquals(12 * MS, disk.read(0, 8, 4));
    }

    @Test
    void innerZonesTransferSlower() {
        // cylinder 4: seek 5 ms; sector 0 at 10 ms: wait 5 ms; one of 5 sectors per track: 2 ms
        assertEquals(12 * MS, disk.read(0, 80, 1));
        assertEquals(2 * MS, counter("transfer_ns"));
    }

    @Test
    void squareRootSeeksGrowSlowerThanTheDistance() {
        HddModel one = new HddModel(50, new HddParameters(6000, 1, new int[] {10}, 1 * MS, 8 * MS, false, false, 16,
                100));                                           // 5 cylinders: 4 steps at most
        assertEquals(0, one.seekNs(0));
        assertEquals(1 * MS + 3_500_000, one.seekNs(1));         // 1 ms + 7 ms * sqrt(1/4)
        assertEquals(8 * MS, one.seekNs(4));
        assertEquals(1 * MS + 2 * MS, disk.seekNs(2), "linear: 1 ms + 7 ms * 2/7");
    }

    @Test
    void theWriteCacheTakesWritesAtBusSpeedUntilAFlush() {
        HddModel cached = new HddModel(100, small(true, true, 16));
        // 2 sectors = 1024 bytes at 100 bytes/us: 10240 ns, the head does not move
        assertEquals(10_240, cached.write(0, 25, 2, false));
        assertEquals(0, cached.cylinder());
        // the flush writes them: seek 2 ms, sector 5 at 5 ms: wait 3 ms, 2 ms transfer
        assertEquals(7 * MS, cached.flush(0));
        assertEquals(0, cached.flush(7 * MS), "nothing dirty is left");
    }

    @Test
    void fuaBypassesTheCache() {
        HddModel cached = new HddModel(100, small(true, true, 16));
        assertEquals(7 * MS, cached.write(0, 25, 2, true));
        assertEquals(0, cached.flush(7 * MS));
    }

    @Test
    void aFullCacheIsDestagedBeforeItTakesMore() {
        HddModel cached = new HddModel(100, small(true, true, 4));
        assertEquals(15_360, cached.write(0, 0, 3, false));
        // 3 + 2 > 4: sectors 0-2 go to the platters first (3 ms), then the 2 new ones into the cache
        assertEquals(3 * MS + 10_240, cached.write(0, 50, 2, false));
        assertEquals(3, counterOf(cached, "destaged_sectors"));
    }

    @Test
    void aFlushMergesAndOrdersTheDirtyRanges() {
        HddModel cached = new HddModel(100, small(true, true, 64));
        cached.write(0, 2, 2, false);
        cached.write(0, 0, 3, false);            // overlaps: 0-3 written once
        assertEquals(4 * MS, cached.flush(0));
        assertEquals(4, counterOf(cached, "destaged_sectors"));
    }

    @Test
    void badParametersSayTheRange() {
        assertEquals("rpm must be 1..100000, not 0", assertThrows(IllegalArgumentException.class,
                () -> new HddParameters(0, 2, new int[] {10}, 0, 0, true, false, 1, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> HddParameters.zones("400,x"));
        assertEquals(3, HddParameters.zones("400, 340,280").length);
    }

    private long counter(String name) {
        return counterOf(disk, name);
    }

    private static long counterOf(HddModel model, String name) {
        long[] values = new long[model.counterNames().length];
        model.counters(values);
        return values[java.util.Arrays.asList(model.counterNames()).indexOf(name)];
    }
}
