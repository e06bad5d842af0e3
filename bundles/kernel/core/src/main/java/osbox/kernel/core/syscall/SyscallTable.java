package osbox.kernel.core.syscall;

import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/**
 * The system-call table: the call and its name by number (xv6's
 * {@code syscalls[]}), filled by the kernel with its own calls and from the
 * whiteboard with other bundles' handlers. Changed only at safe points on
 * the simulation thread, so a call never sees a half-installed handler; an
 * empty slot means ENOSYS.
 */
public final class SyscallTable {
    private final KernelSyscall[] calls = new KernelSyscall[Syscalls.TABLE_SIZE];
    /** The whiteboard handler behind each slot it fills (null for the kernel's own calls). */
    private final SyscallHandler[] handlers = new SyscallHandler[Syscalls.TABLE_SIZE];
    private final String[] names = new String[Syscalls.TABLE_SIZE];
    private final SyscallStatus[] statuses = new SyscallStatus[Syscalls.TABLE_SIZE];
    private final long[] counts = new long[Syscalls.TABLE_SIZE];
    /** Slots whose handler left expecting a successor: their callers wait for it instead of ENOSYS. */
    private final boolean[] held = new boolean[Syscalls.TABLE_SIZE];

    /** One of the kernel's own calls for a number, with no declared status; see the four-argument form. */
    public void install(int number, String name, KernelSyscall call) {
        install(number, name, call, SyscallStatus.UNDECLARED);
    }

    /** One of the kernel's own calls for a number and how complete it is; a later install for the same number replaces it. */
    public void install(int number, String name, KernelSyscall call, SyscallStatus status) {
        check(number);
        calls[number] = call;
        handlers[number] = null;
        names[number] = name;
        statuses[number] = status;
    }

    /**
     * A whiteboard handler for a number, called with the frame as its
     * {@code SyscallContext}; a later install for the same number replaces
     * it, as it replaces any earlier call.
     */
    public void install(int number, String name, SyscallHandler handler) {
        install(number, name, handler, SyscallStatus.UNDECLARED);
    }

    /** A whiteboard handler for a number, as above, with the status its registration declares. */
    public void install(int number, String name, SyscallHandler handler, SyscallStatus status) {
        check(number);
        calls[number] = handler::invoke;
        handlers[number] = handler;
        held[number] = false;
        names[number] = name;
        statuses[number] = status;
    }

    /** Removes a whiteboard handler if it is the one installed for the number; false otherwise. */
    public boolean remove(int number, SyscallHandler handler) {
        return remove(number, handler, false);
    }

    /**
     * Removes a whiteboard handler if it is the one installed for the
     * number (false otherwise); {@code hold}: a successor is expected, so
     * the slot's callers wait for it ({@link #held}) until the next install.
     */
    public boolean remove(int number, SyscallHandler handler, boolean hold) {
        check(number);
        if (handler == null || handlers[number] != handler) {
            return false;
        }
        calls[number] = null;
        handlers[number] = null;
        statuses[number] = null;
        held[number] = hold;
        return true;
    }

    /** Whether the number's slot is empty and held for a successor: callers wait instead of ENOSYS. */
    public boolean held(long number) {
        return number >= 0 && number < held.length && held[(int) number] && calls[(int) number] == null;
    }

    /** The call for a7's value, or null (out of range or none installed). */
    public KernelSyscall lookup(long number) {
        if (number < 0 || number >= calls.length) {
            return null;
        }
        return calls[(int) number];
    }

    /** Counts one call of a number in range. */
    public void count(long number) {
        if (number >= 0 && number < counts.length) {
            counts[(int) number]++;
        }
    }

    /** The name a number was installed under, else Linux riscv64's name for it, else "syscall N". */
    public String name(int number) {
        if (number >= 0 && number < names.length && names[number] != null) {
            return names[number];
        }
        String linux = LinuxSyscallNames.name(number);
        return linux != null ? linux : "syscall " + number;
    }

    /** How many times the number was called (installed or not). */
    public long calls(int number) {
        return counts[number];
    }

    /** How complete the installed call for a number is; null when none is installed (ENOSYS). */
    public SyscallStatus status(int number) {
        return installed(number) ? statuses[number] : null;
    }

    /** Whether a call is installed for the number. */
    public boolean installed(int number) {
        return number >= 0 && number < calls.length && calls[number] != null;
    }

    private static void check(int number) {
        if (number < 0 || number >= Syscalls.TABLE_SIZE) {
            throw new IllegalArgumentException("syscall number out of range: " + number);
        }
    }
}
