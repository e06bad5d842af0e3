package osbox.sched.lottery;

import java.util.Random;
import osbox.api.sched.PolicyContext;

/** A settable clock, a number of harts and a seeded random source, for this module's tests. */
final class TestContext implements PolicyContext {
    final int harts;
    final Random random;
    long now;

    TestContext(int harts, long seed) {
        this.harts = harts;
        this.random = new Random(seed);
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public int harts() {
        return harts;
    }

    @Override
    public long random(long bound) {
        return random.nextLong(bound);
    }
}
