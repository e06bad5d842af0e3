package osbox.launcher;

import osbox.api.hw.IdlePacer;

/**
 * Holds an idle machine's clock to host time, for a person at a terminal: a
 * `sleep 5` typed into a shell takes five seconds, and a ^Z typed meanwhile
 * finds the sleeper. Set by the launcher only when the program's console is
 * a raw host terminal; batch runs, pipes and tests keep the machine's jump
 * to the next event (and their determinism). Busy time is not paced: a
 * program that computes runs as fast as the host allows.
 */
final class HostTimePacer implements IdlePacer {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * Waits the host time the idle interval stands for (at the machine's
     * frequency), or less when a task (a keystroke) arrives, and answers the
     * cycle the host time waited corresponds to.
     */
    @Override
    public long idle(long now, long next, long frequencyHz, Waiter waiter) {
        long nanos = toNanos(next - now, frequencyHz);
        long start = System.nanoTime();
        if (!waiter.await(nanos)) {
            return next;
        }
        long waited = Math.max(0, System.nanoTime() - start);
        return now + Math.min(next - now, toCycles(waited, frequencyHz));
    }

    // cycles at frequencyHz as host nanoseconds, saturating
    static long toNanos(long cycles, long frequencyHz) {
        if (cycles <= 0) {
            return 0;
        }
        double nanos = (double) cycles * NANOS_PER_SECOND / frequencyHz;
        return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
    }

    // host nanoseconds as cycles at frequencyHz, saturating
    static long toCycles(long nanos, long frequencyHz) {
        double cycles = (double) nanos * frequencyHz / NANOS_PER_SECOND;
        return cycles >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) cycles;
    }
}
