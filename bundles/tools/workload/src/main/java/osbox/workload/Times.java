package osbox.workload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated durations: workload files give them in cycles (a plain number)
 * or as a number with a unit ({@code ns}, {@code us}, {@code ms}, {@code s};
 * decimals allowed: {@code 1.5ms}), converted with the machine's clock
 * frequency (1 GHz by default) and rounded to the nearest cycle.
 */
public final class Times {
    /** The default clock: 1 GHz, as osbox's machine. */
    public static final long DEFAULT_HZ = 1_000_000_000L;

    private static final Pattern TIME = Pattern.compile("([0-9][0-9_]*(?:\\.[0-9]+)?)\\s*(ns|us|ms|s|cycles)?");
    private static final Pattern WITH_UNIT = Pattern.compile("[0-9][0-9_]*(?:\\.[0-9]+)?\\s*(ns|us|ms|s)");

    private Times() {
    }

    /**
     * Cycles for {@code text} ("5000000", "5_000_000", "5ms", "2s", "1.5us", "100 cycles").
     *
     * @throws IllegalArgumentException when it is not a non-negative time
     */
    public static long parse(String text, long frequencyHz) {
        Matcher m = TIME.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time (cycles, or a number with ns, us, ms or s)");
        }
        BigDecimal value = new BigDecimal(m.group(1).replace("_", ""));
        String unit = m.group(2);
        BigDecimal cycles;
        if (unit == null || unit.equals("cycles")) {
            if (value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number of cycles");
            }
            cycles = value;
        } else {
            BigDecimal perSecond = switch (unit) {
                case "ns" -> BigDecimal.valueOf(1_000_000_000L);
                case "us" -> BigDecimal.valueOf(1_000_000L);
                case "ms" -> BigDecimal.valueOf(1_000L);
                default -> BigDecimal.ONE;
            };
            cycles = value.multiply(BigDecimal.valueOf(frequencyHz)).divide(perSecond, 0, RoundingMode.HALF_UP);
        }
        BigInteger c = cycles.setScale(0, RoundingMode.HALF_UP).toBigInteger();
        if (c.bitLength() > 62) {
            throw new IllegalArgumentException("'" + text + "' is too long a time");
        }
        return c.longValueExact();
    }

    /** True when {@code text} is a number with a time unit (ns, us, ms, s). */
    public static boolean hasUnit(String text) {
        return WITH_UNIT.matcher(text.trim()).matches();
    }

    /** Cycles as simulated milliseconds with three decimals ("12.345"). */
    public static String ms(long cycles, long frequencyHz) {
        return String.format(Locale.ROOT, "%.3f", cycles * 1000.0 / frequencyHz);
    }

    /** Cycles as simulated microseconds (what Chrome traces use), with three decimals. */
    public static String us(long cycles, long frequencyHz) {
        return String.format(Locale.ROOT, "%.3f", cycles * 1_000_000.0 / frequencyHz);
    }
}
