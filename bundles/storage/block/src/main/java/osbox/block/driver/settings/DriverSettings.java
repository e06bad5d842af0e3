package osbox.block.driver.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * How a disk's driver moves the data and learns of a completion, and what
 * that costs the CPU: one device's mode. Immutable; {@link osbox.block.driver.DiskDriver#configure}
 * takes a new one from the next request on.
 *
 * <p>The text form ({@link #parse}) is a comma list of words over a base:
 * {@code dma} or {@code pio}; {@code interrupt} (also {@code irq}) or
 * {@code poll}; and {@code name=value} for the numbers
 * ({@code coalesce_count}, {@code coalesce_cycles},
 * {@code pio_cycles_per_word}, {@code interrupt_cycles},
 * {@code poll_interval}). {@code "pio,poll"} is PIO with polling, every
 * cost at its default.
 *
 * @param transfer         how the data move: the DMA engine, or the CPU through the data port
 * @param completion       how the driver learns a command is done: the device's interrupt, or polling STATUS
 * @param coalesceCount    interrupt coalescing: the interrupt is taken at the Nth completion (1: every one)
 * @param coalesceCycles   ... or this many cycles after the first one not yet taken (0: no timer)
 * @param pioCyclesPerWord what the CPU pays for one 8-byte access to the data port
 * @param interruptCycles  what the CPU pays to take one interrupt (entry, handler, ack, exit)
 * @param pollInterval     cycles between two reads of STATUS while polling; each is charged whole
 */
public record DriverSettings(Transfer transfer, Completion completion, int coalesceCount, long coalesceCycles,
        long pioCyclesPerWord, long interruptCycles, long pollInterval) {

    /** How the data move. */
    public enum Transfer {
        DMA, PIO
    }

    /** How a completion is noticed. */
    public enum Completion {
        INTERRUPT, POLL
    }

    /**
     * An uncached access to a device register over the I/O bus takes
     * hundreds of nanoseconds (ATA PIO mode 4 moves about 16 MB/s): 400
     * cycles a word at 1 GHz is 20 MB/s.
     */
    public static final long DEFAULT_PIO_CYCLES_PER_WORD = 400;
    /** Taking an interrupt, running a short handler and returning: about 2 microseconds at 1 GHz. */
    public static final long DEFAULT_INTERRUPT_CYCLES = 2_000;
    /** A poll loop reads STATUS every microsecond at 1 GHz. */
    public static final long DEFAULT_POLL_INTERVAL = 1_000;

    /** The Config Admin property of every device's base mode (PID {@code osbox.block.driver}). */
    public static final String DEFAULTS = "defaults";
    /** The Config Admin property of the per-device modes: {@code vda=pio,poll}, one a device. */
    public static final String MODES = "modes";
    /** The framework property the launcher's --io-mode sets: {@code vda=pio,poll;vdb=dma}. */
    public static final String LAUNCH_PROPERTY = "osbox.block.driver.modes";

    /** DMA, interrupts, no coalescing, the default costs. */
    public static final DriverSettings DEFAULT = new DriverSettings(Transfer.DMA, Completion.INTERRUPT, 1, 0,
            DEFAULT_PIO_CYCLES_PER_WORD, DEFAULT_INTERRUPT_CYCLES, DEFAULT_POLL_INTERVAL);

    /** The names of the numbers in the text form, each with how it replaces its field. */
    private static final Map<String, BiFunction<DriverSettings, Long, DriverSettings>> NUMBERS = numbers();

    /** Checks every number is in range. */
    public DriverSettings {
        if (transfer == null || completion == null) {
            throw new IllegalArgumentException("a driver mode needs a transfer (dma|pio) and a completion"
                    + " (interrupt|poll)");
        }
        check("coalesce_count", coalesceCount, 1, 1024);
        check("coalesce_cycles", coalesceCycles, 0, 1_000_000_000_000L);
        check("pio_cycles_per_word", pioCyclesPerWord, 0, 1_000_000);
        check("interrupt_cycles", interruptCycles, 0, 100_000_000);
        check("poll_interval", pollInterval, 1, 100_000_000);
    }

    /** Parses {@code text} over {@link #DEFAULT}; see {@link #parse(String, DriverSettings)}. */
    public static DriverSettings parse(String text) {
        return parse(text, DEFAULT);
    }

    /**
     * Parses a comma list of mode words and {@code name=value} numbers over
     * {@code base} (what the list does not name is kept). Throws
     * IllegalArgumentException with a one-line message naming the bad word
     * and what is valid.
     */
    public static DriverSettings parse(String text, DriverSettings base) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty driver mode (dma|pio, interrupt|poll, name=value)");
        }
        DriverSettings s = base;
        for (String raw : text.split(",")) {
            String word = raw.trim().toLowerCase(java.util.Locale.ROOT);
            int eq = word.indexOf('=');
            if (eq >= 0) {
                s = withNumber(s, word.substring(0, eq).trim(), word.substring(eq + 1).trim());
                continue;
            }
            s = switch (word) {
                case "dma" -> s.with(Transfer.DMA, s.completion);
                case "pio" -> s.with(Transfer.PIO, s.completion);
                case "interrupt", "irq" -> s.with(s.transfer, Completion.INTERRUPT);
                case "poll", "polling" -> s.with(s.transfer, Completion.POLL);
                default -> throw new IllegalArgumentException("unknown driver mode '" + word
                        + "' (dma, pio, interrupt, poll, or " + String.join("=N, ", NUMBERS.keySet()) + "=N)");
            };
        }
        return s.checked();
    }

    /**
     * These settings, checked as a whole: coalescing more than one
     * completion needs the timer, for the device takes one command at a
     * time and a lone request would otherwise wait for company forever.
     * Throws IllegalArgumentException with a one-line message.
     */
    public DriverSettings checked() {
        if (coalesceCount > 1 && coalesceCycles == 0) {
            throw new IllegalArgumentException("driver setting coalesce_count=" + coalesceCount
                    + " needs coalesce_cycles above 0 (the timer that ends a lone request's wait)");
        }
        return this;
    }

    /**
     * The settings of device {@code deviceName} from the Config Admin
     * properties of PID {@code osbox.block.driver} ({@code osbox.block.driver.DriverConfig}):
     * {@code defaults} (a mode text over {@link #DEFAULT}), then the
     * device's entry in the framework property {@value #LAUNCH_PROPERTY}
     * of the launcher's {@code --io-mode} when the map carries it
     * ({@code vda=pio,poll;vdb=dma}), then its entry in {@code modes} (a
     * String[] of {@code vda=pio,poll}, or the same {@code ;} list), which
     * {@code io:mode} sets at run time and so wins. A bad entry throws
     * IllegalArgumentException naming it.
     */
    public static DriverSettings fromProperties(Map<String, ?> properties, String deviceName) {
        DriverSettings s = DEFAULT;
        Object defaults = properties.get(DEFAULTS);
        if (defaults != null && !String.valueOf(defaults).isBlank()) {
            s = parse(String.valueOf(defaults), s);
        }
        for (String key : List.of(LAUNCH_PROPERTY, MODES)) {
            Object modes = properties.get(key);
            if (modes != null) {
                String mine = deviceModes(joined(modes)).get(deviceName);
                if (mine != null) {
                    s = parse(mine, s);
                }
            }
        }
        return s;
    }

    /**
     * Splits a per-device list {@code vda=pio,poll;vdb=dma} into each
     * device's mode text, in order, checking each parses. Throws
     * IllegalArgumentException with a one-line message for a malformed one.
     */
    public static Map<String, String> deviceModes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String entry : text.split(";")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0 || !e.substring(0, eq).trim().matches("[a-z][a-z0-9]*")) {
                throw new IllegalArgumentException("bad device mode '" + e + "' (DEV=MODE[,MODE...], e.g. vda=pio,poll)");
            }
            String mode = e.substring(eq + 1).trim();
            parse(mode);
            out.put(e.substring(0, eq).trim(), mode);
        }
        return out;
    }

    // A Config Admin value as one text: a String[] or a collection (one entry each) joined by ';'.
    private static String joined(Object value) {
        if (value instanceof String[] array) {
            return String.join(";", array);
        }
        if (value instanceof java.util.Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(o -> parts.add(String.valueOf(o)));
            return String.join(";", parts);
        }
        return String.valueOf(value);
    }

    /** The text form giving exactly these settings: {@code dma,interrupt,coalesce_count=1,...}. */
    public String text() {
        return transfer.name().toLowerCase(java.util.Locale.ROOT) + ","
                + completion.name().toLowerCase(java.util.Locale.ROOT) + ",coalesce_count=" + coalesceCount
                + ",coalesce_cycles=" + coalesceCycles + ",pio_cycles_per_word=" + pioCyclesPerWord
                + ",interrupt_cycles=" + interruptCycles + ",poll_interval=" + pollInterval;
    }

    /** Whether completions are coalesced (interrupts only): more than one per interrupt, or a timer. */
    public boolean coalescing() {
        return completion == Completion.INTERRUPT && (coalesceCount > 1 || coalesceCycles > 0);
    }

    private DriverSettings with(Transfer t, Completion c) {
        return new DriverSettings(t, c, coalesceCount, coalesceCycles, pioCyclesPerWord, interruptCycles,
                pollInterval);
    }

    // Replaces the number named name by value, checking both.
    private static DriverSettings withNumber(DriverSettings s, String name, String value) {
        BiFunction<DriverSettings, Long, DriverSettings> set = NUMBERS.get(name);
        if (set == null) {
            throw new IllegalArgumentException("unknown driver setting '" + name + "' ("
                    + String.join(", ", NUMBERS.keySet()) + ")");
        }
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("driver setting " + name + " must be a number, not '" + value + "'");
        }
        return set.apply(s, v);
    }

    private static Map<String, BiFunction<DriverSettings, Long, DriverSettings>> numbers() {
        Map<String, BiFunction<DriverSettings, Long, DriverSettings>> m = new LinkedHashMap<>();
        m.put("coalesce_count", (s, v) -> new DriverSettings(s.transfer, s.completion, (int) Math.max(
                Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v)), s.coalesceCycles, s.pioCyclesPerWord,
                s.interruptCycles, s.pollInterval));
        m.put("coalesce_cycles", (s, v) -> new DriverSettings(s.transfer, s.completion, s.coalesceCount, v,
                s.pioCyclesPerWord, s.interruptCycles, s.pollInterval));
        m.put("pio_cycles_per_word", (s, v) -> new DriverSettings(s.transfer, s.completion, s.coalesceCount,
                s.coalesceCycles, v, s.interruptCycles, s.pollInterval));
        m.put("interrupt_cycles", (s, v) -> new DriverSettings(s.transfer, s.completion, s.coalesceCount,
                s.coalesceCycles, s.pioCyclesPerWord, v, s.pollInterval));
        m.put("poll_interval", (s, v) -> new DriverSettings(s.transfer, s.completion, s.coalesceCount,
                s.coalesceCycles, s.pioCyclesPerWord, s.interruptCycles, v));
        return m;
    }

    private static void check(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("driver setting " + name + " must be " + min + ".." + max + ", not "
                    + value);
        }
    }

    /** The names of the numbers the text form takes, in order. */
    public static List<String> numberNames() {
        return new ArrayList<>(NUMBERS.keySet());
    }
}
