package osbox.testkit.vm;

import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;

/**
 * A {@link ReplacementContext} with a settable clock, a seeded, deterministic
 * random source (the same seed and the same calls give the same numbers),
 * reference and dirty bits kept on {@link FakePage}s, and a settable
 * {@link #future} oracle for {@link #nextAccess} (default: the future is unknown, -1).
 *
 * <p>It checks the policy too: asking about a page that is not a
 * {@link FakePage}, or one that is no longer resident, throws
 * {@link ReplacementViolation}.
 */
public final class FakeReplacementContext implements ReplacementContext {
    private final SplittableRandom random;
    private long now;
    private long randomCalls;
    private long clears;
    private ToLongFunction<PageView> future = p -> -1;

    /** Seed 0. */
    public FakeReplacementContext() {
        this(0L);
    }

    /**
     * The given random seed. The numbers come from a {@link SplittableRandom},
     * which scrambles its seed: neighbouring seeds (0, 1, 2...) give unrelated
     * numbers from the first call on ({@code java.util.Random} seeded 0 to 15
     * gives 0 for its first {@code nextLong(2)} every time).
     */
    public FakeReplacementContext(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public long now() {
        return now;
    }

    /** Sets the clock (cycles); it never goes back. */
    public FakeReplacementContext now(long cycles) {
        if (cycles < now) {
            throw new IllegalArgumentException("time goes forward: " + cycles + " < " + now);
        }
        this.now = cycles;
        return this;
    }

    /** Moves the clock forward by cycles. */
    public FakeReplacementContext advance(long cycles) {
        return now(now + cycles);
    }

    /** A number in [0, bound); bound must be positive. */
    @Override
    public long random(long bound) {
        if (bound <= 0) {
            throw new ReplacementViolation("random bound must be positive, got " + bound);
        }
        randomCalls++;
        return random.nextLong(bound);
    }

    /** How many times random(...) was called. */
    public long randomCalls() {
        return randomCalls;
    }

    @Override
    public boolean referenced(PageView page) {
        return fake(page, "referenced").referenced();
    }

    @Override
    public void clearReferenced(PageView page) {
        fake(page, "clearReferenced").referenced(false);
        clears++;
    }

    /** How many times clearReferenced(...) was called. */
    public long clears() {
        return clears;
    }

    @Override
    public boolean dirty(PageView page) {
        return fake(page, "dirty").dirty();
    }

    /** Sets page's reference bit (as the hardware does on an access). */
    public FakeReplacementContext referenced(PageView page, boolean value) {
        fake(page, "referenced").referenced(value);
        return this;
    }

    /** Sets page's dirty bit (as the hardware does on a write). */
    public FakeReplacementContext dirty(PageView page, boolean value) {
        fake(page, "dirty").dirty(value);
        return this;
    }

    /** The oracle's answer: a position or cycle, Long.MAX_VALUE for never, -1 unknown (the default). */
    @Override
    public long nextAccess(PageView page) {
        fake(page, "nextAccess");
        return future.applyAsLong(page);
    }

    /** Sets the future oracle (null: unknown again, always -1). */
    public FakeReplacementContext future(ToLongFunction<PageView> oracle) {
        this.future = oracle == null ? p -> -1 : oracle;
        return this;
    }

    /** page as a resident FakePage, or a violation naming the call. */
    private static FakePage fake(PageView page, String call) {
        if (page == null) {
            throw new ReplacementViolation(call + "(null)");
        }
        if (!(page instanceof FakePage)) {
            throw new ReplacementViolation(call + "(" + page + "): not a page the mechanism handed out");
        }
        FakePage f = (FakePage) page;
        if (!f.resident()) {
            throw new ReplacementViolation(call + "(" + page + "): the page is no longer resident");
        }
        return f;
    }
}
