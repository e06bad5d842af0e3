package osbox.testkit.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The deadlock lab's vectors and matrices, parsed from the command line:
 * a vector is {@code 3,3,2} (one count per resource), a matrix its rows
 * separated by {@code /} (or {@code ;}, quoted from the shell), one row per
 * process: {@code 0,1,0/2,0,0/3,0,2}. Counts are integers from 0 to
 * {@link #MAX_COUNT}. Parse errors are IllegalArgumentExceptions with one
 * clear line naming the option.
 */
final class ResourceMatrix {
    /** The largest count of one resource the lab takes. */
    static final long MAX_COUNT = 1_000_000_000L;
    /** The most processes (matrix rows) the lab takes. */
    static final int MAX_PROCESSES = 1000;
    /** The most resource kinds (vector length) the lab takes. */
    static final int MAX_RESOURCES = 26;

    private ResourceMatrix() {
    }

    /** text as a vector of counts; option names it in errors. */
    static long[] vector(String option, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(option + " is empty (expected counts such as 3,3,2)");
        }
        String[] f = text.split(",", -1);
        if (f.length > MAX_RESOURCES) {
            throw new IllegalArgumentException(option + ": at most " + MAX_RESOURCES + " resources, got " + f.length);
        }
        long[] out = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = count(option, f[i]);
        }
        return out;
    }

    /** text as a matrix of counts, rows separated by '/' or ';'; option names it in errors. */
    static long[][] matrix(String option, String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(option + " is empty (expected rows such as 0,1,0/2,0,0)");
        }
        String[] rows = text.split("[/;]", -1);
        if (rows.length > MAX_PROCESSES) {
            throw new IllegalArgumentException(option + ": at most " + MAX_PROCESSES + " processes, got " + rows.length);
        }
        List<long[]> out = new ArrayList<>();
        for (String row : rows) {
            out.add(vector(option, row));
        }
        return out.toArray(long[][]::new);
    }

    /** One count, 0..MAX_COUNT. */
    private static long count(String option, String text) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a count (an integer from 0 to "
                    + MAX_COUNT + ")");
        }
        if (v < 0 || v > MAX_COUNT) {
            throw new IllegalArgumentException(option + ": " + v + " is out of range (0 to " + MAX_COUNT + ")");
        }
        return v;
    }

    /** Checks that m has one row per process and each row width counts; else an error naming option. */
    static void checkShape(String option, long[][] m, int processes, int width) {
        if (m.length != processes) {
            throw new IllegalArgumentException(option + " has " + m.length + " rows, expected " + processes
                    + " (one per process, as --allocation)");
        }
        for (int p = 0; p < m.length; p++) {
            if (m[p].length != width) {
                throw new IllegalArgumentException(option + ": row " + p + " has " + m[p].length
                        + " counts, expected " + width + " (one per resource, as --available)");
            }
        }
    }

    /** True when every a[r] <= b[r]. */
    static boolean fits(long[] a, long[] b) {
        for (int r = 0; r < a.length; r++) {
            if (a[r] > b[r]) {
                return false;
            }
        }
        return true;
    }

    /** a + b, element by element. */
    static long[] plus(long[] a, long[] b) {
        long[] out = a.clone();
        for (int r = 0; r < a.length; r++) {
            out[r] += b[r];
        }
        return out;
    }

    /** a - b, element by element. */
    static long[] minus(long[] a, long[] b) {
        long[] out = a.clone();
        for (int r = 0; r < a.length; r++) {
            out[r] -= b[r];
        }
        return out;
    }

    /** The name of resource r: A, B, ... Z. */
    static String resource(int r) {
        return String.valueOf((char) ('A' + r));
    }
}
