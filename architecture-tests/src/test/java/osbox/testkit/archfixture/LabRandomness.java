package osbox.testkit.archfixture;

import java.util.Random;

/**
 * Fixture for "the test kit and the harness are reproducible" (only
 * DeliberateViolationsTest reads it): a lab input drawn from an unseeded
 * Random breaks it; one drawn from a seeded Random keeps it.
 */
public final class LabRandomness {
    /** new Random(): unseeded, a violation. */
    public int unseeded() {
        return new Random().nextInt(100);
    }

    /** new Random(seed): repeats, allowed in the test kit. */
    public int seeded(long seed) {
        return new Random(seed).nextInt(100);
    }
}
