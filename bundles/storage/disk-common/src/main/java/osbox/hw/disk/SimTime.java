package osbox.hw.disk;

/**
 * Nanoseconds against machine cycles at a clock of {@code hz}, exactly
 * (split into whole seconds and the rest, so neither overflows for any
 * realistic time or frequency) and rounded down.
 */
public final class SimTime {
    private static final long NS_PER_S = 1_000_000_000L;

    private SimTime() {
    }

    /** The cycles {@code ns} nanoseconds take at {@code hz}. */
    public static long cycles(long ns, long hz) {
        return ns / NS_PER_S * hz + ns % NS_PER_S * hz / NS_PER_S;
    }

    /** The nanoseconds {@code cycles} cycles take at {@code hz}. */
    public static long ns(long cycles, long hz) {
        return cycles / hz * NS_PER_S + cycles % hz * NS_PER_S / hz;
    }
}
