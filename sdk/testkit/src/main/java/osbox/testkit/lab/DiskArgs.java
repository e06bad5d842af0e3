package osbox.testkit.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The disk lab's parsed and checked command line; errors are IllegalArgumentExceptions with one clear line. */
final class DiskArgs {
    /** Most addresses one run takes. */
    static final int MAX_ADDRESSES = 10_000;

    /** Most cylinders a --cylinders disk has. */
    static final long MAX_CYLINDERS = 1_000_000_000L;

    /** The policy names as given (trimmed), in order: resolved by {@link DiskLab} against the known ones. */
    List<String> policies = new ArrayList<>();
    /** The addresses: blocks of disk.py's disk, or cylinders with --cylinders. */
    long[] addresses;
    /** --addresses as given, parsed once the disk is known. */
    private String addressText;
    /** --cylinders N (the textbook disk), or 0 for disk.py's. */
    long cylinders;
    /** --head H: the starting cylinder (with --cylinders), or -1 when not given. */
    long head = -1;
    /** --option KEY=VALUE for the osbox policies, in key order. */
    TreeMap<String, String> options = new TreeMap<>();
    double seekSpeed = 1;
    double rotationSpeed = 1;
    boolean json;
    boolean help;
    /** --svg FILE, or null. */
    String svg;

    /** Flags that take a value. */
    private static final Map<String, BiConsumer<DiskArgs, String>> VALUED = new TreeMap<>(Map.of(
            "--policy", DiskArgs::policies,
            "--addresses", (a, v) -> a.addressText = v,
            "--seek-speed", (a, v) -> a.seekSpeed = seekSpeed(v),
            "--rotation-speed", (a, v) -> a.rotationSpeed = rotationSpeed(v),
            "--svg", (a, v) -> a.svg = v,
            "--cylinders", (a, v) -> a.cylinders = count("--cylinders", v, 1, MAX_CYLINDERS),
            "--head", (a, v) -> a.head = count("--head", v, 0, MAX_CYLINDERS - 1),
            "--option", DiskArgs::option));

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
        if (a.policies.isEmpty() || a.addressText == null) {
            throw new IllegalArgumentException("--policy NAME and --addresses LIST are required (try --help)");
        }
        long limit = a.cylinders > 0 ? a.cylinders - 1 : DiskModel.MAX_BLOCK;
        a.addresses = addresses(a.addressText, a.cylinders > 0 ? "cylinder" : "block", limit);
        if (a.cylinders == 0 && a.head >= 0) {
            throw new IllegalArgumentException("--head needs --cylinders (disk.py's head starts in block "
                    + DiskModel.START_BLOCK + ")");
        }
        if (a.head > limit) {
            throw new IllegalArgumentException("--head: cylinder " + a.head + " is off the disk (0 to " + limit + ")");
        }
        a.head = Math.max(0, a.head);
        if (a.svg != null && a.svg.isEmpty()) {
            throw new IllegalArgumentException("--svg needs a file name");
        }
        return a;
    }

    /** --policy: one name or a comma list; {@link DiskLab} resolves them. */
    private static void policies(DiskArgs a, String v) {
        a.policies.clear();
        for (String name : v.split(",", -1)) {
            a.policies.add(name.trim());
        }
    }

    /** --option KEY=VALUE (repeatable). */
    private static void option(DiskArgs a, String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--option needs KEY=VALUE, got '" + kv + "'");
        }
        a.options.put(kv.substring(0, eq), kv.substring(eq + 1));
    }

    /** A whole number from low to high, or an error naming the flag and the range. */
    private static long count(String flag, String v, long low, long high) {
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + v + "' is not a whole number (" + low + " to " + high
                    + ")");
        }
        if (n < low || n > high) {
            throw new IllegalArgumentException(flag + ": " + n + " is out of range (" + low + " to " + high + ")");
        }
        return n;
    }

    /** --addresses: {@code what} (block or cylinder) numbers 0 to limit, comma-separated. */
    private static long[] addresses(String v, String what, long limit) {
        String[] parts = v.split(",", -1);
        if (parts.length > MAX_ADDRESSES) {
            throw new IllegalArgumentException("--addresses: at most " + MAX_ADDRESSES + " addresses, got "
                    + parts.length);
        }
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            long block;
            try {
                block = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--addresses: '" + p + "' is not a " + what + " number (0 to "
                        + limit + ")");
            }
            if (block < 0 || block > limit) {
                throw new IllegalArgumentException("--addresses: " + what + " " + block + " is off the disk (0 to "
                        + limit + ")");
            }
            out[i] = block;
        }
        return out;
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
