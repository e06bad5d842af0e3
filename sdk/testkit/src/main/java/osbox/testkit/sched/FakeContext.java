package osbox.testkit.sched;

import java.util.Random;
import osbox.api.sched.PolicyContext;

/**
 * A {@link PolicyContext} with a settable clock, a number of harts and a
 * seeded, deterministic random source: the same seed and the same calls give
 * the same numbers.
 */
public final class FakeContext implements PolicyContext {
    private final int harts;
    private final Random random;
    private long now;
    private long randomCalls;

    /** One hart, seed 0. */
    public FakeContext() {
        this(1, 0L);
    }

    /** The given number of harts (at least 1) and random seed. */
    public FakeContext(int harts, long seed) {
        if (harts < 1) {
            throw new IllegalArgumentException("harts must be at least 1, got " + harts);
        }
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

    /** A number in [0, bound); bound must be positive. */
    @Override
    public long random(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("random bound must be positive, got " + bound);
        }
        randomCalls++;
        return random.nextLong(bound);
    }

    /** Sets the clock (cycles); it never goes back. */
    public FakeContext now(long cycles) {
        if (cycles < now) {
            throw new IllegalArgumentException("time goes forward: " + cycles + " < " + now);
        }
        this.now = cycles;
        return this;
    }

    /** Moves the clock forward by cycles. */
    public FakeContext advance(long cycles) {
        return now(now + cycles);
    }

    /** How many times random(...) was called. */
    public long randomCalls() {
        return randomCalls;
    }
}
