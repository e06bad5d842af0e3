package osbox.workload;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import osbox.api.hw.Machine;

/**
 * How long a run may go on: {@code --max-instructions N} (instructions
 * retired by every hart together) and {@code --max-time DURATION}
 * (simulated time), both counted from the start of the run. The machine
 * enforces them ({@link Machine#setRunLimit}): it halts exactly there, so
 * the same run stops at the same instruction every time. A front end
 * {@linkplain #arm arms} them before starting the program, and the armed
 * limit interrupts the front end's waiting thread when the machine halts.
 *
 * @param instructions the instruction bound, or 0 for none
 * @param nanos        the simulated-time bound in nanoseconds, or 0 for none
 * @param timeText     the duration as the user gave it (for the message), or null
 */
public record RunLimits(long instructions, long nanos, String timeText) {
    /** No limit. */
    public static final RunLimits NONE = new RunLimits(0, 0, null);

    /** The options, as the launcher and the shell take them. */
    public static final String MAX_INSTRUCTIONS = "--max-instructions";
    public static final String MAX_TIME = "--max-time";

    /** osbox's exit status when a limit stopped the run, as timeout(1)'s. */
    public static final int STATUS = 124;

    /** The largest bound accepted: 10^18 instructions, or 10^18 ns (about 31 years). */
    static final long MAX_BOUND = 1_000_000_000_000_000_000L;

    private static final Pattern COUNT = Pattern.compile("[0-9]{1,19}");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,19})(ns|us|ms|s|m|h)?");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final String COUNT_FORMS = "a whole number from 1 to 10^18, e.g. 1000000";
    private static final String DURATION_FORMS = "e.g. 500ms, 2s, 1m; units ns, us, ms, s, m, h; "
            + "a plain number is seconds";

    /** True for --max-instructions and --max-time. */
    public static boolean isOption(String arg) {
        return MAX_INSTRUCTIONS.equals(arg) || MAX_TIME.equals(arg);
    }

    /** Whether any limit is set. */
    public boolean any() {
        return instructions > 0 || nanos > 0;
    }

    /**
     * These limits with {@code option} (one of {@link #isOption}) set to
     * {@code value}; a later one replaces an earlier one.
     *
     * @throws IllegalArgumentException with the one-line message for the user
     *         ("--max-time 5x: not a duration (e.g. 500ms, ...)")
     */
    public RunLimits with(String option, String value) {
        if (MAX_INSTRUCTIONS.equals(option)) {
            return new RunLimits(parseCount(option, value), nanos, timeText);
        }
        if (MAX_TIME.equals(option)) {
            return new RunLimits(instructions, parseDuration(option, value), value);
        }
        throw new IllegalArgumentException("not a run limit option: " + option);
    }

    // A positive number of instructions.
    private static long parseCount(String option, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a number of instructions (" + COUNT_FORMS + ")");
        }
        if (!COUNT.matcher(text).matches()) {
            throw new IllegalArgumentException(option + " " + text + ": not a number of instructions ("
                    + COUNT_FORMS + ")");
        }
        return checkBound(option, text, new BigInteger(text), COUNT_FORMS);
    }

    // A positive duration in nanoseconds: digits with an optional unit; seconds without.
    private static long parseDuration(String option, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a duration (" + DURATION_FORMS + ")");
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " " + text + ": not a duration (" + DURATION_FORMS + ")");
        }
        long perUnit = NANOS_PER_UNIT.get(m.group(2) == null ? "s" : m.group(2));
        BigInteger nanos = new BigInteger(m.group(1)).multiply(BigInteger.valueOf(perUnit));
        return checkBound(option, text, nanos, DURATION_FORMS);
    }

    // The value as a long when 1..MAX_BOUND, else the message saying so.
    private static long checkBound(String option, String text, BigInteger value, String forms) {
        if (value.signum() == 0) {
            throw new IllegalArgumentException(option + " " + text + ": must be more than 0 (" + forms + ")");
        }
        if (value.compareTo(BigInteger.valueOf(MAX_BOUND)) > 0) {
            throw new IllegalArgumentException(option + " " + text + ": too large (at most "
                    + (option.equals(MAX_TIME) ? "10^18 ns, about 31 years" : "10^18") + ")");
        }
        return value.longValue();
    }

    /** The time bound in cycles of a {@code frequencyHz} clock (at least 1), or 0 for none. */
    public long cycles(long frequencyHz) {
        if (nanos == 0) {
            return 0;
        }
        BigInteger c = BigInteger.valueOf(nanos).multiply(BigInteger.valueOf(frequencyHz))
                .divide(BigInteger.valueOf(1_000_000_000L));
        return Math.max(1, c.min(BigInteger.valueOf(Long.MAX_VALUE / 2)).longValue());
    }

    /**
     * Arms these limits on {@code machine}, counted from now: when the
     * machine halts at one, {@code waiter} (the thread that will wait for
     * the run, normally the caller) is interrupted. Call from a host thread,
     * before starting the program; without limits nothing is asked of the
     * machine. Always {@link Armed#disarm} afterwards.
     */
    public Armed arm(Machine machine, Thread waiter) throws Exception {
        Armed armed = new Armed(machine, waiter);
        if (any()) {
            machine.call(() -> {
                armed.startInstret = retired(machine);
                armed.startCycle = machine.now();
                long cycles = cycles(machine.frequencyHz());
                machine.setRunLimit(instructions == 0 ? Long.MAX_VALUE : armed.startInstret + instructions,
                        cycles == 0 ? Long.MAX_VALUE : armed.startCycle + cycles, armed::halted);
                return null;
            });
            armed.active = true;
        }
        return armed;
    }

    // Instructions retired by every hart of the machine.
    private static long retired(Machine machine) {
        long sum = 0;
        for (int i = 0; i < machine.hartCount(); i++) {
            sum += machine.hart(i).instret();
        }
        return sum;
    }

    /** Limits armed on a machine for one run. */
    public final class Armed {
        private final Machine machine;
        private final Thread waiter;
        private boolean active;
        // simulation thread only
        private long startInstret;
        private long startCycle;
        private String stopLine;

        private Armed(Machine machine, Thread waiter) {
            this.machine = machine;
            this.waiter = waiter;
        }

        // The machine halted at a limit (simulation thread): says which, wakes the waiter.
        private void halted() {
            long ran = retired(machine) - startInstret;
            if (instructions > 0 && ran >= instructions) {
                stopLine = "stopped after " + ran + " instructions (" + MAX_INSTRUCTIONS + " " + instructions + ")";
            } else {
                stopLine = "stopped after " + timeText + " of simulated time (" + MAX_TIME + " " + timeText + ")";
            }
            waiter.interrupt();
        }

        /**
         * Ends the run's limits and returns the line saying where a limit
         * stopped the run ("stopped after N instructions (--max-instructions N)"),
         * or null when none did. Decided on the simulation thread, so a
         * program ending in the very window a limit is reached still gives
         * one answer. A halted machine stays halted (nothing of the stopped
         * program runs any more); otherwise the limits are lifted. Clears the
         * interrupt the halt sent the waiter. Waits uninterruptibly.
         */
        public String disarm() {
            if (!active) {
                return null;
            }
            active = false;
            CompletableFuture<String> decided = new CompletableFuture<>();
            machine.submit(() -> {
                if (stopLine == null) {
                    machine.setRunLimit(Long.MAX_VALUE, Long.MAX_VALUE, null);
                }
                decided.complete(stopLine);
            });
            String line = decided.join();
            if (line != null && Thread.currentThread() == waiter) {
                Thread.interrupted();
            }
            return line;
        }
    }
}
