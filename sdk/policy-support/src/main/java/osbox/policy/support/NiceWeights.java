package osbox.policy.support;

/**
 * Linux's {@code sched_prio_to_weight}: the load weight of each nice value.
 * Nice 0 weighs {@link #NICE_0} = 1024 and each step of nice changes the
 * weight by about 1.25x, so a task gets about 10% more or less CPU than one
 * a nice level away (CFS, weighted round robin).
 */
public final class NiceWeights {
    /** The weight of nice 0. */
    public static final int NICE_0 = 1024;

    private static final int[] WEIGHTS = {
        /* -20 */ 88761, 71755, 56483, 46273, 36291,
        /* -15 */ 29154, 23254, 18705, 14949, 11916,
        /* -10 */ 9548, 7620, 6100, 4904, 3906,
        /*  -5 */ 3121, 2501, 1991, 1586, 1277,
        /*   0 */ 1024, 820, 655, 526, 423,
        /*   5 */ 335, 272, 215, 172, 137,
        /*  10 */ 110, 87, 70, 56, 45,
        /*  15 */ 36, 29, 23, 18, 15,
    };

    private NiceWeights() {
    }

    /** The weight of a nice value, clamped to -20..19. */
    public static int of(int nice) {
        return WEIGHTS[Math.max(-20, Math.min(19, nice)) + 20];
    }
}
