package osbox.api.sched;

import org.osgi.annotation.versioning.ProviderType;

/** What the mechanism offers a policy: time, harts, deterministic randomness. */
@ProviderType
public interface PolicyContext {
    /** Simulated time now, in cycles. */
    long now();

    /** Number of harts tasks can run on (0..harts-1). */
    int harts();

    /** A deterministic pseudo-random number in [0, bound): same seed and calls, same numbers. */
    long random(long bound);
}
