package osbox.kernel.syscalls.sysinfo;

import osbox.api.kernel.SyscallContext;

/** Clocks over simulated time. Realtime starts at a fixed epoch so runs repeat. */
final class SimClock {
    static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2,
            CLOCK_THREAD_CPUTIME_ID = 3, CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5,
            CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7;
    /** 2026-01-01T00:00:00Z: what CLOCK_REALTIME reads at power-on. */
    static final long EPOCH_SECONDS = 1_767_225_600L;

    private SimClock() {
    }

    /** Nanoseconds on the clock, or -1 for an unknown clock id. */
    static long nanos(SyscallContext c, int clock) {
        switch (clock) {
            case CLOCK_REALTIME:
            case CLOCK_REALTIME_COARSE:
                return EPOCH_SECONDS * 1_000_000_000L + toNanos(c.now(), c.frequencyHz());
            case CLOCK_MONOTONIC:
            case CLOCK_MONOTONIC_RAW:
            case CLOCK_MONOTONIC_COARSE:
            case CLOCK_BOOTTIME:
                return toNanos(c.now(), c.frequencyHz());
            case CLOCK_PROCESS_CPUTIME_ID:
            case CLOCK_THREAD_CPUTIME_ID:
                return toNanos(c.process().cpuCycles(), c.frequencyHz());
            default:
                return -1;
        }
    }

    static long toNanos(long cycles, long hz) {
        return (cycles / hz) * 1_000_000_000L + (cycles % hz) * 1_000_000_000L / hz;
    }

    /** Writes a struct timespec (or timeval: same layout on riscv64). */
    static boolean writeTimespec(SyscallContext c, long addr, long sec, long frac) {
        return c.memory().writeLong(addr, sec) && c.memory().writeLong(addr + 8, frac);
    }
}
