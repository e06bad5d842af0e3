package osbox.policy.support;

import osbox.policy.support.options.Options;

/**
 * The access-sampling option of the page-replacement policies that learn of
 * accesses only from the mechanism sampling the reference bits (LRU, LFU):
 * its name, its default and the period it asks for. On the machine a policy
 * hears of a user access only through a sampling (plus the kernel's own
 * accesses), so the period bounds how well it knows recency or frequency.
 */
public final class AccessSampling {
    /** The option: cycles between samplings of the reference bits (0: none). */
    public static final String OPTION = "sample";
    /** Its default: 100 microseconds at 1 GHz. */
    public static final String DEFAULT = "100000";
    /** The default as a period in cycles. */
    public static final long DEFAULT_PERIOD = 100_000;

    private AccessSampling() {
    }

    /**
     * The sampling period the option asks for, in cycles: Long.MAX_VALUE
     * (never) for 0. Throws IllegalArgumentException naming the option when
     * it is not an integer of at least 0 (underscores may group digits).
     */
    public static long period(Options options) {
        long sample = options.longIn(OPTION, 0, Long.MAX_VALUE);
        return sample == 0 ? Long.MAX_VALUE : sample;
    }

    /**
     * {@code samplePeriod} when it is positive (Long.MAX_VALUE: never);
     * throws IllegalArgumentException otherwise, a policy's constructor being
     * called wrongly.
     */
    public static long checked(long samplePeriod) {
        if (samplePeriod <= 0) {
            throw new IllegalArgumentException("sample period must be positive: " + samplePeriod);
        }
        return samplePeriod;
    }
}
