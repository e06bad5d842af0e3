package osbox.kernel.core;

import java.util.Map;
import java.util.TreeMap;

/** Policy options written as "key=value" items. */
public final class Options {
    private Options() {
    }

    /** Parses a comma-separated list of key=value (null or blank: none). */
    public static Map<String, String> parse(String list) {
        TreeMap<String, String> out = new TreeMap<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String item : list.split(",")) {
            put(out, item);
        }
        return out;
    }

    /** Parses key=value items. */
    public static Map<String, String> parse(String[] items) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String item : items) {
            put(out, item);
        }
        return out;
    }

    private static void put(Map<String, String> out, String item) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("option must be key=value: '" + item.trim() + "'");
        }
        out.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
    }
}
