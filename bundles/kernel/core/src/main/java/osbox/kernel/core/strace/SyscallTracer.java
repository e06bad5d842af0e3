package osbox.kernel.core.strace;

import java.util.function.LongFunction;
import osbox.api.kernel.UserMemory;

/**
 * strace for the kernel: the system-call trap tells it each call of a
 * traced process (made, slept, answered) and it prints one line per call,
 * decoded with {@link SyscallDecoders}; it also hands out the per-process
 * state ({@link Traced}) that turns tracing on. The trap calls it only for
 * a process whose PCB holds a {@link Traced}: with tracing off the
 * system-call path costs one field test. Simulation thread only.
 */
public final class SyscallTracer {
    private final LongFunction<String> names;

    /**
     * A tracer naming calls the decoder table does not know with
     * {@code names} (the system-call table's name: the installed handler's,
     * else Linux's, else "syscall N").
     */
    public SyscallTracer(LongFunction<String> names) {
        this.names = names;
    }

    /** A new tracing state writing to {@code log}, for the PCB of a process to trace. */
    public Traced start(StraceLog log) {
        return new Traced(this, log);
    }

    /** A traced process makes call {@code number}; its arguments are {@code registers[a0..a0+5]}. */
    public void entering(Traced t, long number, long[] registers, int a0, UserMemory memory) {
        t.enter(number, registers, a0, memory);
    }

    /** The call went to sleep: it runs again when woken, and only its last run is printed. */
    public void slept(Traced t) {
        t.sleep();
    }

    /** The call answered {@code result}; what it wrote is read from {@code memory}. */
    public void answered(Traced t, int pid, long result, UserMemory memory) {
        t.answer(pid, result, memory);
    }

    /** The call does not return (exit, a kill while it ran): its line ends {@code = ?}. */
    public void answeredNothing(Traced t, int pid) {
        t.answerUnknown(pid);
    }

    // ---- line parts, for Traced ----

    /** The call's name: the decoder table's, else the system-call table's. */
    String name(long number) {
        CallFormat f = SyscallDecoders.lookup(number);
        if (f != null) {
            return f.name();
        }
        String name = names.apply(number);
        return name.startsWith("syscall ") ? "syscall_0x" + Long.toHexString(number) : name;
    }

    /** The argument list of {@code call}, decoded, or six raw hex words for a call the table lacks. */
    String arguments(long number, CallArgs call) {
        StringBuilder out = new StringBuilder();
        CallFormat f = SyscallDecoders.lookup(number);
        if (f != null) {
            f.args().append(call, out);
        } else {
            SyscallDecoders.raw(call, out);
        }
        return out.toString();
    }

    /** The result as strace prints it: {@code 3}, {@code 0x1000}, {@code -1 ENOENT (No such file or directory)}. */
    String result(long number, long result) {
        if (CallArgs.isError(result)) {
            int errno = (int) -result;
            String what = ErrnoNames.name(errno) + " (" + ErrnoNames.message(errno) + ")";
            return errno >= 512 && errno <= 516 ? "? " + what : "-1 " + what;
        }
        CallFormat f = SyscallDecoders.lookup(number);
        CallFormat.Result kind = f != null ? f.result() : CallFormat.Result.DECIMAL;
        return switch (kind) {
            case HEX -> Formats.hex(result);
            case OCTAL -> Formats.octal(result);
            default -> Long.toString(result);
        };
    }
}
