package osbox.kernel.core.syscall;

import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/**
 * The system-call table: handler and name by number, filled from the
 * whiteboard. Changed only at safe points on the simulation thread, so a
 * call never sees a half-installed handler; an empty slot means ENOSYS.
 */
public final class SyscallTable {
    private final SyscallHandler[] handlers = new SyscallHandler[Syscalls.TABLE_SIZE];
    private final String[] names = new String[Syscalls.TABLE_SIZE];
    private final long[] counts = new long[Syscalls.TABLE_SIZE];

    /** Installs a handler; a later one for the same number replaces the earlier. */
    public void install(int number, String name, SyscallHandler handler) {
        check(number);
        handlers[number] = handler;
        names[number] = name;
    }

    /** Removes the handler if it is the one installed; false otherwise. */
    public boolean remove(int number, SyscallHandler handler) {
        check(number);
        if (handlers[number] != handler) {
            return false;
        }
        handlers[number] = null;
        return true;
    }

    /** The handler for a7's value, or null (out of range or none bound). */
    public SyscallHandler lookup(long number) {
        if (number < 0 || number >= handlers.length) {
            return null;
        }
        return handlers[(int) number];
    }

    /** Counts one call of a number in range. */
    public void count(long number) {
        if (number >= 0 && number < counts.length) {
            counts[(int) number]++;
        }
    }

    public String name(int number) {
        return number >= 0 && number < names.length && names[number] != null ? names[number] : "syscall " + number;
    }

    public long calls(int number) {
        return counts[number];
    }

    public boolean installed(int number) {
        return number >= 0 && number < handlers.length && handlers[number] != null;
    }

    private static void check(int number) {
        if (number < 0 || number >= Syscalls.TABLE_SIZE) {
            throw new IllegalArgumentException("syscall number out of range: " + number);
        }
    }
}
