package osbox.kernel.archfixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Fixture that keeps "no wall clock or unseeded randomness in the simulation
 * path" (only DeliberateViolationsTest reads it): time from the simulated
 * clock, numbers from a seeded generator. The rule must find nothing here.
 */
public final class SimulatedTimeAndSeededRandomness {
    private final SplittableRandom random = new SplittableRandom(0x05B0C5L);

    /** A date computed from simulated nanoseconds. */
    public Instant at(long simulatedNanos) {
        return Instant.ofEpochSecond(0, simulatedNanos);
    }

    /** now() on a clock the caller controls. */
    public LocalDateTime now(long simulatedMillis) {
        return LocalDateTime.now(Clock.fixed(Instant.ofEpochMilli(simulatedMillis), ZoneOffset.UTC));
    }

    /** A number from the seeded generator. */
    public int next() {
        return random.nextInt();
    }
}
