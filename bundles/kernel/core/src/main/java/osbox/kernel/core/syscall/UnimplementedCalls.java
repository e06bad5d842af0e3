package osbox.kernel.core.syscall;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The system calls a program asked for and osbox does not implement: each
 * number is reported once per kernel (once per machine boot), by its Linux
 * name, so a log shows what a program misses without one line per call.
 */
public final class UnimplementedCalls {
    private final Set<Long> reported = new HashSet<>();
    private final Consumer<String> warn;

    /** Reports to {@code warn} (one line, no trailing newline). */
    public UnimplementedCalls(Consumer<String> warn) {
        this.warn = warn;
    }

    /**
     * Notes that {@code caller} (its log name, "pid N (name)") called
     * {@code number} and got ENOSYS; the first time for the number it is
     * reported. Returns whether this call was the one reported.
     */
    public boolean answered(String caller, long number) {
        if (!reported.add(number)) {
            return false;
        }
        warn.accept(caller + ": system call " + number + " " + describe(number) + " not implemented (ENOSYS)");
        return true;
    }

    /** Linux riscv64's name for a number, or why it has none. */
    public static String describe(long number) {
        String name = LinuxSyscallNames.name(number);
        return name != null ? name : "(no Linux riscv64 call has this number)";
    }
}
