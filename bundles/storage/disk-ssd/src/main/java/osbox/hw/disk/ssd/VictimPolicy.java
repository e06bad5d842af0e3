package osbox.hw.disk.ssd;

/**
 * Which full erase block the garbage collector cleans next: the {@code ssd.gc}
 * policy slot's choices. A policy sees only each block's valid pages and
 * age; it decides, the {@link FlashTranslation} moves and erases.
 */
interface VictimPolicy {
    /** The policy's name in the slot: greedy or cost-benefit. */
    String name();

    /**
     * The candidate to clean among blocks {@code 0 .. blocks-1} for which
     * {@code candidate[b]} is true (at least one is): {@code valid[b]} of
     * {@code pagesPerBlock} pages still valid, last written at
     * {@code lastWrite[b]} (a write sequence number; {@code now} is the
     * current one). Ties go to the lowest block number.
     */
    int choose(boolean[] candidate, int[] valid, long[] lastWrite, long now, int blocks, int pagesPerBlock);

    /** Greedy: the block with the fewest valid pages (the least to copy now). */
    VictimPolicy GREEDY = new VictimPolicy() {
        @Override
        public String name() {
            return "greedy";
        }

        @Override
        public int choose(boolean[] candidate, int[] valid, long[] lastWrite, long now, int blocks,
                int pagesPerBlock) {
            int best = -1;
            for (int b = 0; b < blocks; b++) {
                if (candidate[b] && (best < 0 || valid[b] < valid[best])) {
                    best = b;
                }
            }
            return best;
        }
    };

    /**
     * Cost-benefit (Rosenblum and Ousterhout's LFS cleaner): the block with
     * the highest (1 - u) * age / (1 + u), u its valid fraction: space freed
     * times how long it is likely to stay free, per cost of reading and
     * rewriting. Cold blocks are cleaned at a higher utilisation than hot ones,
     * which are left to invalidate themselves.
     */
    VictimPolicy COST_BENEFIT = new VictimPolicy() {
        @Override
        public String name() {
            return "cost-benefit";
        }

        @Override
        public int choose(boolean[] candidate, int[] valid, long[] lastWrite, long now, int blocks,
                int pagesPerBlock) {
            int best = -1;
            double bestScore = -1;
            for (int b = 0; b < blocks; b++) {
                if (!candidate[b]) {
                    continue;
                }
                double u = (double) valid[b] / pagesPerBlock;
                double score = (1 - u) * (now - lastWrite[b] + 1) / (1 + u);
                if (score > bestScore) {
                    best = b;
                    bestScore = score;
                }
            }
            return best;
        }
    };
}
