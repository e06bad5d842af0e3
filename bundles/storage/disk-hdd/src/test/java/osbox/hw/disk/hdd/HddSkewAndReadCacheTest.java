package osbox.hw.disk.hdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Track skew and the read cache, timed by hand on HddModelTest's small
 * disk: 6000 rpm (a revolution is 10 ms), 2 heads, zones of 10 and 5
 * sectors per track, 100 sectors (zone 0: cylinders 0-3, LBA 0-79, 1 ms per
 * sector), linear seeks of 1 ms + d ms; here with a head switch of 1 ms.
 * The geometry's skews: a head switch passes 1 ms = 1 sector of zone 0, a
 * one-cylinder seek 2 ms = 2 sectors; so head 1's track starts 1 sector
 * behind head 0's and cylinder 1's head 0 (1 + 2) = 3 sectors behind
 * cylinder 0's head 0.
 */
class HddSkewAndReadCacheTest {
    private static final long MS = 1_000_000;

    /** The small disk with a 1 ms head switch, the given skews and read cache. */
    private static HddModel disk(long trackSkewNs, long cylinderSkewNs, int readAhead) {
        return new HddModel(100, new HddParameters(6000, 2, new int[] {10, 5}, 1 * MS, 8 * MS, true, false, 16, 100,
                1 * MS, trackSkewNs, cylinderSkewNs, readAhead));
    }

    @Test
    void theGeometrysSkewsAreTheSwitchAndSeekTimesInWholeSectors() {
        HddModel d = disk(-1, -1, 0);
        assertEquals(1, d.trackSkew(0));
        assertEquals(2, d.cylinderSkew(0));
        // zone 1 has 2 ms sectors: 1 ms and 2 ms round up to one sector each
        assertEquals(1, d.trackSkew(1));
        assertEquals(1, d.cylinderSkew(1));
    }

    /**
     * LBA 0-29 from time 0: head 0's track (10 ms), a head switch (1 ms) to
     * head 1, whose sector 0 comes at 1 ms past the revolution: no wait, 10
     * ms; a one-cylinder seek (2 ms) to cylinder 1, whose sector 0 comes at
     * 3 ms past: no wait, 10 ms. 33 ms, nothing lost to rotation.
     */
    @Test
    void withSkewASequentialReadCrossesTracksWithoutWaiting() {
        HddModel d = disk(-1, -1, 0);
        assertEquals(33 * MS, d.read(0, 0, 30));
        assertEquals(0, counter(d, "rotate_ns"));
        assertEquals(1, counter(d, "head_switches"));
    }

    /**
     * The same without skew: after the head switch (at 11 ms) head 1's
     * sector 0 has just passed: 9 ms wait; after the seek (at 32 ms) 8 ms:
     * 33 + 17 = 50 ms, almost a revolution lost per track.
     */
    @Test
    void withoutSkewEachTrackCrossingLosesARevolution() {
        HddModel d = disk(0, 0, 0);
        assertEquals(50 * MS, d.read(0, 0, 30));
        assertEquals(17 * MS, counter(d, "rotate_ns"));
    }

    /**
     * The read cache, 8 sectors: LBA 2 read at 0 (wait 2 ms, 1 ms, ends at
     * 3 ms). Reading it again is a hit: 512 bytes at 100 bytes/us, 5120 ns.
     * At 5 ms sectors 3 and 4 have passed under the head since: a hit. Sector
     * 5 has not (it starts at 5 ms): a miss, 1 ms from the platter.
     */
    @Test
    void sectorsJustReadOrJustPassedAreReadFromTheCache() {
        HddModel d = disk(0, 0, 8);
        assertEquals(3 * MS, d.read(0, 2, 1));
        assertEquals(5_120, d.read(3 * MS, 2, 1));
        assertEquals(10_240, d.read(5 * MS, 3, 2));
        assertEquals(1 * MS, d.read(5 * MS, 5, 1));
        assertEquals(2, counter(d, "read_hits"));
        assertEquals(3, counter(d, "read_hit_sectors"));
        // sector 4 is before the new segment (which starts at 5): at 6 ms it is 8 ms away, then 1 ms
        assertEquals(9 * MS, d.read(6 * MS, 4, 1));
    }

    /**
     * The segment ends at its size and at the track's end, and a write
     * empties it. With 4 sectors from LBA 2: at 50 ms LBA 5 is a hit, LBA 6
     * a miss (at angle 0 sector 6 is 6 ms away, then 1 ms). With 64: LBA 10
     * is head 1's sector 0, off the segment's track: a head switch (1 ms, to
     * 51 ms), 9 ms wait, 1 ms. Back on head 0 (a switch, 1 ms), sector 2
     * read at 3 ms; a write of it (FUA, from 100 ms: 3 ms) empties the
     * segment, so at 103 ms the read waits 9 ms for it again.
     */
    @Test
    void theSegmentIsBoundedAndAWriteEmptiesIt() {
        HddModel small = disk(0, 0, 4);
        small.read(0, 2, 1);
        assertEquals(5_120, small.read(50 * MS, 5, 1));
        assertEquals(1, counter(small, "read_hits"));
        assertEquals(7 * MS, small.read(50 * MS, 6, 1));
        HddModel d = disk(0, 0, 64);
        d.read(0, 2, 1);
        assertEquals(11 * MS, d.read(50 * MS, 10, 1));
        assertEquals(3 * MS, d.read(0, 2, 1));
        assertEquals(3 * MS, d.write(100 * MS, 2, 1, true));
        assertEquals(10 * MS, d.read(103 * MS, 2, 1));
        assertEquals(0, counter(d, "read_hits"));
        assertEquals(2, counter(d, "head_switches"));
    }

    @Test
    void badSkewsAndCachesSayTheRange() {
        assertEquals("a skew must be -1 (the geometry's), 0 (none) or a time, not -2",
                assertThrows(IllegalArgumentException.class, () -> disk(-2, 0, 0)).getMessage());
        assertEquals("the read cache must be 0 (off) or more sectors, not -1",
                assertThrows(IllegalArgumentException.class, () -> disk(0, 0, -1)).getMessage());
    }

    private static long counter(HddModel model, String name) {
        long[] values = new long[model.counterNames().length];
        model.counters(values);
        return values[Arrays.asList(model.counterNames()).indexOf(name)];
    }
}
