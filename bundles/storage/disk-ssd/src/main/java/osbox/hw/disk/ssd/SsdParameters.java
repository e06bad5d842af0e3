package osbox.hw.disk.ssd;

/**
 * An SSD's geometry and latencies, in nanoseconds unless named otherwise.
 *
 * @param pageSectors      sectors per flash page (8: 4 KiB pages)
 * @param pagesPerBlock    pages per erase block
 * @param channels         independent channels (blocks are spread over them, block b on channel b mod channels)
 * @param overProvision    spare capacity in percent of the logical size, for the garbage collector
 * @param readNs           reading one page into the channel's register
 * @param programNs        programming one page
 * @param eraseNs          erasing one block
 * @param busBytesPerUs    the host interface's rate
 */
record SsdParameters(int pageSectors, int pagesPerBlock, int channels, int overProvision, long readNs,
        long programNs, long eraseNs, long busBytesPerUs) {

    /** 4 KiB pages, 64 per block, 4 channels, 7 % spare; 50 us read, 500 us program, 3 ms erase, 500 MB/s. */
    static final SsdParameters DEFAULT = new SsdParameters(8, 64, 4, 7, 50_000, 500_000, 3_000_000, 500);

    /** Checks the ranges; IllegalArgumentException with the valid range when one is out. */
    SsdParameters {
        if (pageSectors < 1 || pageSectors > 64) {
            throw new IllegalArgumentException("page_sectors must be 1..64, not " + pageSectors);
        }
        if (pagesPerBlock < 2 || pagesPerBlock > 4096) {
            throw new IllegalArgumentException("pages_per_block must be 2..4096, not " + pagesPerBlock);
        }
        if (channels < 1 || channels > 64) {
            throw new IllegalArgumentException("channels must be 1..64, not " + channels);
        }
        if (overProvision < 1 || overProvision > 100) {
            throw new IllegalArgumentException("over_provision must be 1..100 percent, not " + overProvision);
        }
        if (readNs < 0 || programNs < 0 || eraseNs < 0 || busBytesPerUs < 1) {
            throw new IllegalArgumentException("latencies must be >= 0 and the bus >= 1 byte/us");
        }
    }
}
