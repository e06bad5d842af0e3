package osbox.hw.disk.hdd;

/**
 * Where a sector lies on a zoned disk: heads (surfaces), and zones of
 * cylinders from the outer edge inwards, each zone with its own sectors per
 * track (outer tracks are longer, so they hold more). Every zone has the
 * same number of cylinders, as many as it takes for the disk to hold
 * {@code sectors}. LBAs fill a zone cylinder by cylinder, each cylinder
 * head by head, each track sector by sector: LBA 0 is on the outermost
 * cylinder, head 0, sector 0.
 */
final class ZonedGeometry {
    private final int heads;
    private final int[] sectorsPerTrack;
    private final long cylindersPerZone;
    /** The first LBA of each zone, and one past the last zone's end. */
    private final long[] zoneStart;

    /** A geometry of {@code heads} heads and zones of {@code sectorsPerTrack} (outer first) holding {@code sectors}. */
    ZonedGeometry(long sectors, int heads, int[] sectorsPerTrack) {
        if (sectors < 1 || heads < 1 || sectorsPerTrack.length == 0) {
            throw new IllegalArgumentException("a disk needs sectors, heads and at least one zone");
        }
        long perCylinderRound = 0;
        for (int spt : sectorsPerTrack) {
            if (spt < 1) {
                throw new IllegalArgumentException("a zone needs at least one sector per track, not " + spt);
            }
            perCylinderRound += (long) heads * spt;
        }
        this.heads = heads;
        this.sectorsPerTrack = sectorsPerTrack.clone();
        this.cylindersPerZone = (sectors + perCylinderRound - 1) / perCylinderRound;
        this.zoneStart = new long[sectorsPerTrack.length + 1];
        for (int z = 0; z < sectorsPerTrack.length; z++) {
            zoneStart[z + 1] = zoneStart[z] + cylindersPerZone * heads * sectorsPerTrack[z];
        }
    }

    /** Cylinders in all. */
    long cylinders() {
        return cylindersPerZone * sectorsPerTrack.length;
    }

    int heads() {
        return heads;
    }

    /** The zone {@code lba} lies in (0 is the outermost). */
    int zone(long lba) {
        int z = 0;
        while (lba >= zoneStart[z + 1]) {
            z++;
        }
        return z;
    }

    /** Sectors per track in zone {@code z}. */
    int sectorsPerTrack(int z) {
        return sectorsPerTrack[z];
    }

    /** The cylinder of {@code lba}, in zone {@code z}. */
    long cylinder(long lba, int z) {
        return z * cylindersPerZone + (lba - zoneStart[z]) / ((long) heads * sectorsPerTrack[z]);
    }

    /** The sector of {@code lba} within its track, in zone {@code z}. */
    int sector(long lba, int z) {
        return (int) ((lba - zoneStart[z]) % sectorsPerTrack[z]);
    }

    /** The head of {@code lba}, in zone {@code z}. */
    int head(long lba, int z) {
        return (int) ((lba - zoneStart[z]) / sectorsPerTrack[z] % heads);
    }
}
