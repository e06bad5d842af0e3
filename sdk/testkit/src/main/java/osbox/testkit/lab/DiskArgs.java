package osbox.testkit.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The disk lab's parsed and checked command line; errors are IllegalArgumentExceptions with one clear line. */
final class DiskArgs {
    /** Most addresses one run takes. */
    static final int MAX_ADDRESSES = 10_000;

    /** The policies, upper case, in the order given. */
    List<String> policies = new ArrayList<>();
    int[] addresses;
    double seekSpeed = 1;
    double rotationSpeed = 1;
    boolean json;
    boolean help;
    /** --svg FILE, or null. */
    String svg;

    /** Flags that take a value. */
    private static final Map<String, BiConsumer<DiskArgs, String>> VALUED = new TreeMap<>(Map.of(
            "--policy", DiskArgs::policies,
            "--addresses", DiskArgs::addresses,
            "--seek-speed", (a, v) -> a.seekSpeed = seekSpeed(v),
            "--rotation-speed", (a, v) -> a.rotationSpeed = rotationSpeed(v),
            "--svg", (a, v) -> a.svg = v));

    /** Flags without a value. */
    private static final Map<String, Consumer<DiskArgs>> SWITCHES = new TreeMap<>(Map.of(
            "--json", a -> a.json = true,
            "--help", a -> a.help = true,
            "-h", a -> a.help = true));

    /** Parses and checks args. */
    static DiskArgs parse(String[] args) {
        DiskArgs a = new DiskArgs();
        for (int i = 0; i < args.length; i++) {
            Consumer<DiskArgs> sw = SWITCHES.get(args[i]);
            BiConsumer<DiskArgs, String> valued = VALUED.get(args[i]);
            if (sw != null) {
                sw.accept(a);
            } else if (valued != null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                valued.accept(a, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "' (try --help)");
            }
        }
        if (a.help) {
            return a;
        }
        if (a.policies.isEmpty() || a.addresses == null) {
            throw new IllegalArgumentException("--policy NAME and --addresses LIST are required (try --help)");
        }
        if (a.json && a.policies.size() > 1) {
            throw new IllegalArgumentException("--json takes one policy, got " + String.join(",", a.policies));
        }
        if (a.svg != null && a.svg.isEmpty()) {
            throw new IllegalArgumentException("--svg needs a file name");
        }
        return a;
    }

    /** --policy: one name or a comma list (for --svg), each FIFO, SATF or SSTF in any case. */
    private static void policies(DiskArgs a, String v) {
        a.policies.clear();
        for (String name : v.split(",", -1)) {
            String upper = name.trim().toUpperCase(Locale.ROOT);
            if (!DiskModel.POLICIES.containsKey(upper)) {
                throw new IllegalArgumentException("--policy: no policy '" + name.trim() + "' (known: "
                        + String.join(", ", DiskModel.POLICIES.keySet()) + ")");
            }
            if (a.policies.contains(upper)) {
                throw new IllegalArgumentException("--policy: " + upper + " given twice");
            }
            a.policies.add(upper);
        }
    }

    /** --addresses: blocks 0 to 35, comma-separated. */
    private static void addresses(DiskArgs a, String v) {
        String[] parts = v.split(",", -1);
        if (parts.length > MAX_ADDRESSES) {
            throw new IllegalArgumentException("--addresses: at most " + MAX_ADDRESSES + " addresses, got "
                    + parts.length);
        }
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            int block;
            try {
                block = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--addresses: '" + p + "' is not a block number (0 to "
                        + DiskModel.MAX_BLOCK + ")");
            }
            if (block < 0 || block > DiskModel.MAX_BLOCK) {
                throw new IllegalArgumentException("--addresses: block " + block + " is off the disk (0 to "
                        + DiskModel.MAX_BLOCK + ")");
            }
            out[i] = block;
        }
        a.addresses = out;
    }

    /** A positive finite number, or an error naming the flag. */
    private static double positive(String flag, String v) {
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + v + "' is not a number");
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(flag + ": must be above 0, got " + v.trim());
        }
        return d;
    }

    /** --seek-speed: track-width units per time unit; it must divide the track width (40), as disk.py requires. */
    static double seekSpeed(String v) {
        double d = positive("--seek-speed", v);
        double steps = DiskModel.TRACK_WIDTH / d;
        if (steps != Math.rint(steps)) {
            throw new IllegalArgumentException("--seek-speed: " + v.trim() + " does not divide the track width ("
                    + (int) DiskModel.TRACK_WIDTH + ") evenly");
        }
        return d;
    }

    /** --rotation-speed: degrees per time unit, above 0 and at most 360. */
    static double rotationSpeed(String v) {
        double d = positive("--rotation-speed", v);
        if (d > 360) {
            throw new IllegalArgumentException("--rotation-speed: at most 360 degrees per time unit, got " + v.trim());
        }
        return d;
    }
}
