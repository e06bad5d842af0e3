package osbox.hw.disk.ssd;

import java.util.Arrays;

/**
 * The flash translation layer: logical pages mapped to physical pages,
 * written out of place (a rewrite programs a fresh page and invalidates the
 * old one), one active block per channel taking the host's writes in turn
 * and another per channel for the collector's copies (so data that
 * survived a collection, likely cold, is not mixed with fresh data), and
 * garbage collection when free blocks run low: a {@link VictimPolicy} picks
 * a full block, its valid pages are copied to active blocks and it is
 * erased. Counts host and flash page writes (their ratio is the write
 * amplification) and erases per block (wear).
 *
 * <p>It records what the flash does into a {@link FlashOps} so the
 * {@link SsdModel} can time it; it never sees data or time itself.
 */
final class FlashTranslation {
    private static final int FREE = 0;
    private static final int ACTIVE = 1;
    private static final int FULL = 2;

    /** What the flash was asked to do, by channel, for the timing model. */
    interface FlashOps {
        void read(int channel);

        void program(int channel);

        void erase(int channel);
    }

    private final int logicalPages;
    private final int pagesPerBlock;
    private final int channels;
    private final int blocks;
    private final int lowWater;
    private final int[] l2p;
    private final int[] p2l;
    private final int[] state;
    private final int[] valid;
    private final long[] lastWrite;
    private final long[] eraseCount;
    private final boolean[] candidate;
    private final int[] active;
    private final int[] nextPage;
    private int nextChannel;
    private int freeBlocks;
    private long sequence;
    private long hostWrites;
    private long flashWrites;
    private long flashReads;
    private long gcMoves;
    private long erases;
    private long gcRuns;
    private VictimPolicy policy = VictimPolicy.GREEDY;

    /** An FTL for {@code logicalPages} pages with {@code p}'s blocks, channels and spare. */
    FlashTranslation(int logicalPages, SsdParameters p) {
        if (logicalPages < 1) {
            throw new IllegalArgumentException("an SSD needs at least one page");
        }
        this.logicalPages = logicalPages;
        this.pagesPerBlock = p.pagesPerBlock();
        this.channels = p.channels();
        int logicalBlocks = (logicalPages + pagesPerBlock - 1) / pagesPerBlock;
        // the reserve: an active block per stream (host and collector per channel) and a free one per channel
        this.lowWater = channels + 1;
        int spare = Math.max(1, (int) ((long) logicalBlocks * p.overProvision() / 100));
        this.blocks = logicalBlocks + spare + 3 * channels + 1;
        this.l2p = new int[logicalPages];
        this.p2l = new int[blocks * pagesPerBlock];
        this.state = new int[blocks];
        this.valid = new int[blocks];
        this.lastWrite = new long[blocks];
        this.eraseCount = new long[blocks];
        this.candidate = new boolean[blocks];
        this.active = new int[2 * channels];
        this.nextPage = new int[2 * channels];
        Arrays.fill(l2p, -1);
        Arrays.fill(p2l, -1);
        Arrays.fill(active, -1);
        this.freeBlocks = blocks;
    }

    /** The garbage collector's victim policy from now on. */
    void setPolicy(VictimPolicy policy) {
        this.policy = policy;
    }

    VictimPolicy policy() {
        return policy;
    }

    int logicalPages() {
        return logicalPages;
    }

    int blocks() {
        return blocks;
    }

    /** The channel holding logical page {@code lpn}, or -1 when it was never written (reads as zeros). */
    int channelOf(int lpn) {
        int ppn = l2p[lpn];
        return ppn < 0 ? -1 : ppn / pagesPerBlock % channels;
    }

    /** Reads logical page {@code lpn}: a flash read on its channel when it is mapped. */
    void read(int lpn, FlashOps ops) {
        int c = channelOf(lpn);
        if (c >= 0) {
            flashReads++;
            ops.read(c);
        }
    }

    /** A host write of logical page {@code lpn}: programmed out of place, then collection if free blocks ran low. */
    void write(int lpn, FlashOps ops) {
        hostWrites++;
        sequence++;
        place(lpn, ops, sequence, false);
        while (freeBlocks < lowWater && collect(ops)) {
            gcRuns++;
        }
    }

    /**
     * Programs lpn on the next channel's active block of the host's stream
     * or the collector's ({@code gc}), invalidating its old page; the block's
     * age becomes the youngest of its pages' ({@code age}, a write sequence number).
     */
    private void place(int lpn, FlashOps ops, long age, boolean gc) {
        int base = gc ? channels : 0;
        int c = base + nextChannel;
        nextChannel = (nextChannel + 1) % channels;
        if (active[c] < 0 && !openBlock(c)) {
            c = anyStreamWithRoom(base);
        }
        int block = active[c];
        int ppn = block * pagesPerBlock + nextPage[c];
        invalidate(lpn);
        l2p[lpn] = ppn;
        p2l[ppn] = lpn;
        valid[block]++;
        lastWrite[block] = Math.max(lastWrite[block], age);
        flashWrites++;
        ops.program(block % channels);
        if (++nextPage[c] == pagesPerBlock) {
            state[block] = FULL;
            active[c] = -1;
        }
    }

    // Takes the lowest free block of stream s's channel as its active block; false when the channel has none.
    private boolean openBlock(int s) {
        for (int b = s % channels; b < blocks; b += channels) {
            if (state[b] == FREE) {
                state[b] = ACTIVE;
                active[s] = b;
                nextPage[s] = 0;
                lastWrite[b] = 0;
                freeBlocks--;
                return true;
            }
        }
        return false;
    }

    // A stream from base (host 0, collector channels) with an active block or a free block to open.
    private int anyStreamWithRoom(int base) {
        for (int s = base; s < base + channels; s++) {
            if (active[s] >= 0 || openBlock(s)) {
                return s;
            }
        }
        throw new IllegalStateException("flash full: no free block on any channel (the GC reserve was lost)");
    }

    private void invalidate(int lpn) {
        int old = l2p[lpn];
        if (old >= 0) {
            p2l[old] = -1;
            valid[old / pagesPerBlock]--;
            l2p[lpn] = -1;
        }
    }

    /**
     * Cleans one victim the policy picks among the full blocks: copies its
     * valid pages (a read and a program each), erases it. False when no
     * block can be cleaned with gain (none full, or the victim is all valid).
     */
    private boolean collect(FlashOps ops) {
        boolean any = false;
        for (int b = 0; b < blocks; b++) {
            candidate[b] = state[b] == FULL;
            any |= candidate[b];
        }
        if (!any) {
            return false;
        }
        int victim = policy.choose(candidate, valid, lastWrite, sequence, blocks, pagesPerBlock);
        if (victim < 0 || !candidate[victim] || valid[victim] == pagesPerBlock) {
            return false;
        }
        int channel = victim % channels;
        for (int i = 0; i < pagesPerBlock && valid[victim] > 0; i++) {
            int lpn = p2l[victim * pagesPerBlock + i];
            if (lpn >= 0) {
                flashReads++;
                ops.read(channel);
                gcMoves++;
                place(lpn, ops, lastWrite[victim], true);      // a moved page keeps its age
            }
        }
        state[victim] = FREE;
        valid[victim] = 0;
        eraseCount[victim]++;
        erases++;
        freeBlocks++;
        ops.erase(channel);
        return true;
    }

    long hostWrites() {
        return hostWrites;
    }

    long flashWrites() {
        return flashWrites;
    }

    long flashReads() {
        return flashReads;
    }

    long gcMoves() {
        return gcMoves;
    }

    long erases() {
        return erases;
    }

    long gcRuns() {
        return gcRuns;
    }

    /** Write amplification times 1000: flash page writes per host page write (1000 before any write). */
    long writeAmplificationMilli() {
        return hostWrites == 0 ? 1000 : flashWrites * 1000 / hostWrites;
    }

    /** The most erases of any block. */
    long maxErases() {
        long m = 0;
        for (long e : eraseCount) {
            m = Math.max(m, e);
        }
        return m;
    }

    /** The fewest erases of any block. */
    long minErases() {
        long m = Long.MAX_VALUE;
        for (long e : eraseCount) {
            m = Math.min(m, e);
        }
        return m;
    }
}
