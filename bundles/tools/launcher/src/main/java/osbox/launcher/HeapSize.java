package osbox.launcher;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The framework JVM's heap when the user has not chosen one: large enough
 * for the machine --mem and --swap describe (a program may touch every
 * frame and every swap slot, and each costs host memory once touched),
 * within what the host has. README "Memory, swap and page replacement"
 * states the rule.
 */
final class HeapSize {

    /** The environment variables whose JVM options may choose the heap. */
    static final String[] ENVIRONMENT = {"OSBOX_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"};

    /** Heap for the framework, the kernel and the reports besides the machine's memory. */
    static final long BASE = 256L << 20;

    private HeapSize() {
    }

    /**
     * The {@code -Xmx} option for {@code line}, or null to keep the JVM's
     * default: when the environment chooses a heap, or the default
     * ({@code defaultHeap}, a quarter of the host's memory) is enough.
     * Otherwise BASE + 9/8 of memory plus swap (a frame's array and its
     * bookkeeping), at most three quarters of the host's memory
     * ({@code hostMemory}, asked only then; 0: unknown, no bound).
     */
    static String option(CommandLine line, Map<String, String> env, LongSupplier hostMemory, long defaultHeap) {
        if (userChoseHeap(env)) {
            return null;
        }
        long machine = Preflight.machineBytes(line);
        long wanted = BASE + machine + machine / 8;
        if (wanted <= defaultHeap) {
            return null;          // without asking the host (loading java.management costs the preflight time)
        }
        long host = hostMemory.getAsLong();
        long ceiling = host > 0 ? host / 4 * 3 : Long.MAX_VALUE;
        long heap = Math.min(wanted, ceiling);
        if (heap <= defaultHeap) {
            return null;
        }
        return "-Xmx" + ((heap + (1 << 20) - 1) >> 20) + "m";
    }

    /** Whether one of the {@link #ENVIRONMENT} variables holds a heap option (-Xmx, -XX:MaxHeapSize, -XX:MaxRAM...). */
    static boolean userChoseHeap(Map<String, String> env) {
        for (String name : ENVIRONMENT) {
            String value = env.get(name);
            if (value == null) {
                continue;
            }
            for (String option : value.trim().split("\\s+")) {
                if (option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize=")
                        || option.startsWith("-XX:MaxRAMPercentage=") || option.startsWith("-XX:MaxRAM=")) {
                    return true;
                }
            }
        }
        return false;
    }
}
