package osbox.hw.console;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The host streams a configuration may name: input "none" or "stdin",
 * output "stdout" or "none". "stdout" is the process's file descriptor 1
 * itself, not System.out: a PrintStream keeps write errors to itself, and
 * the framework's shell may have replaced System.out by a wrapper whose
 * error flag never sees them; the console must see a broken pipe.
 */
final class HostStreams {
    private static final Map<String, Supplier<InputStream>> INPUTS = new TreeMap<>(Map.of(
            "none", () -> null,
            "stdin", () -> System.in));
    private static final Map<String, Supplier<OutputStream>> OUTPUTS = new TreeMap<>(Map.of(
            "none", () -> null,
            "stdout", () -> new FileOutputStream(FileDescriptor.out)));

    private HostStreams() {
    }

    // The input stream named `name` (null for "none"); throws for an unknown name.
    static InputStream input(String name) {
        return lookup(INPUTS, "input", name).get();
    }

    // The output stream named `name` (null for "none"); throws for an unknown name.
    static OutputStream output(String name) {
        return lookup(OUTPUTS, "output", name).get();
    }

    private static <T> Supplier<T> lookup(Map<String, Supplier<T>> table, String what, String name) {
        Supplier<T> s = name == null ? null : table.get(name.trim());
        if (s == null) {
            throw new IllegalArgumentException("console " + what + " must be one of " + table.keySet() + ": '" + name + "'");
        }
        return s;
    }
}
