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
    /**
     * The shortest period accepted, in cycles. Each sampling scans every
     * resident page (and drops it from the TLBs), so its host cost grows
     * with resident pages / period: measured with lru on memtouch (4000
     * resident pages), 10 000 cycles made the run about 1.4 times as long
     * as the default, 1 000 about 4 times, and 1 cycle turned mallocfun's
     * 1.6 s run into one still going after a minute. Below 1 000 the
     * machine does little but sample.
     */
    public static final long MIN_PERIOD = 1_000;

    private AccessSampling() {
    }

    /**
     * The sampling period the option asks for, in cycles: Long.MAX_VALUE
     * (never) for 0. Throws IllegalArgumentException naming the option and
     * its valid range when it is not an integer (underscores may group
     * digits), or neither 0 nor at least {@link #MIN_PERIOD}.
     */
    public static long period(Options options) {
        long sample = options.longIn(OPTION, 0, Long.MAX_VALUE);
        if (sample > 0 && sample < MIN_PERIOD) {
            throw options.error("option '" + OPTION + "' must be 0 (no sampling) or between " + MIN_PERIOD
                    + " and " + Long.MAX_VALUE + " cycles, got " + sample
                    + " (each sampling scans every resident page)");
        }
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
