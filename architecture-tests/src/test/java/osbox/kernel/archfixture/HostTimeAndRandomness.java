package osbox.kernel.archfixture;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Fixture that breaks "no wall clock or unseeded randomness in the simulation
 * path" on purpose, once per method (only DeliberateViolationsTest reads it):
 * a kernel class that reads the host's time and randomness.
 */
public final class HostTimeAndRandomness {
    /** System.nanoTime: the host's timer. */
    public long nanoTime() {
        return System.nanoTime();
    }

    /** System.currentTimeMillis: the host's wall clock. */
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    /** A method reference to the host's timer is a read too. */
    public LongSupplier nanoTimeReference() {
        return System::nanoTime;
    }

    /** Instant.now. */
    public Instant instantNow() {
        return Instant.now();
    }

    /** LocalDateTime.now. */
    public LocalDateTime localDateTimeNow() {
        return LocalDateTime.now();
    }

    /** Clock.systemUTC. */
    public Clock systemClock() {
        return Clock.systemUTC();
    }

    /** new Date(). */
    public Date date() {
        return new Date();
    }

    /** java.util.Random, even seeded. */
    public int seededJavaUtilRandom() {
        return new Random(42).nextInt();
    }

    /** Math.random. */
    public double mathRandom() {
        return Math.random();
    }

    /** ThreadLocalRandom. */
    public int threadLocalRandom() {
        return ThreadLocalRandom.current().nextInt();
    }

    /** SecureRandom. */
    public int secureRandom() {
        return new SecureRandom().nextInt();
    }

    /** An unseeded SplittableRandom. */
    public int unseededSplittableRandom() {
        return new SplittableRandom().nextInt();
    }

    /** UUID.randomUUID. */
    public UUID randomUuid() {
        return UUID.randomUUID();
    }

    /** Collections.shuffle without a generator. */
    public void shuffle(List<Integer> list) {
        Collections.shuffle(list);
    }
}
