package osbox.kernel.core.strace;

import java.util.function.LongFunction;

/**
 * The argument kinds of the decoder table: each prints one argument as
 * strace does. "In" structs (what the caller gives) are shown always;
 * "out" structs and buffers (what the call writes) only when the call
 * succeeded, else their pointer.
 */
public final class Args {
    private Args() {
    }

    /** A C int, signed decimal. */
    public static final Arg INT = (c, i, out) -> out.append(c.intArg(i));
    /** A long (off_t, pid in a long), signed decimal. */
    public static final Arg LONG = (c, i, out) -> out.append(c.arg(i));
    /** A size_t or unsigned long, unsigned decimal. */
    public static final Arg ULONG = (c, i, out) -> out.append(Long.toUnsignedString(c.arg(i)));
    /** A value strace prints in hex (an offset, a word it does not decode). */
    public static final Arg HEX = (c, i, out) -> out.append(Formats.hex(c.arg(i)));
    /** A pointer: NULL or hex. */
    public static final Arg PTR = (c, i, out) -> out.append(Formats.pointer(c.arg(i)));
    /** A file descriptor. */
    public static final Arg FD = INT;
    /** A directory descriptor of the *at calls: AT_FDCWD or the number. */
    public static final Arg DIRFD = (c, i, out) -> out.append(c.intArg(i) == Flags.AT_FDCWD ? "AT_FDCWD"
            : Integer.toString(c.intArg(i)));
    /** A path, quoted, shown whole (up to PATH_MAX). */
    public static final Arg PATH = (c, i, out) -> out.append(Formats.string(c.memory(), c.arg(i), Formats.MAX_PATH));
    /** Another C string, quoted, truncated at 32 bytes. */
    public static final Arg STRING = (c, i, out) -> out.append(Formats.string(c.memory(), c.arg(i),
            Formats.MAX_STRING));
    /** A mode (permissions), octal. */
    public static final Arg MODE = (c, i, out) -> out.append(Formats.octal(c.arg(i) & 0xffffffffL));
    /** A signal number by name (0 stays 0). */
    public static final Arg SIGNAL = (c, i, out) -> out.append(c.intArg(i) == 0 ? "0" : SignalNames.name(c.intArg(i)));
    /** open(2) flags. */
    public static final Arg OPEN_FLAGS = (c, i, out) -> out.append(Flags.openFlags(c.arg(i) & 0xffffffffL));
    /** mmap protections. */
    public static final Arg PROT = named(v -> Flags.PROT.format(v & 0xffffffffL));
    /** mmap flags. */
    public static final Arg MAP_FLAGS = named(v -> Flags.mapFlags(v & 0xffffffffL));
    /** wait4 options. */
    public static final Arg WAIT_OPTIONS = named(v -> Flags.WAIT.format(v & 0xffffffffL));
    /** AT_* flags. */
    public static final Arg AT_FLAGS = named(v -> Flags.AT.format(v & 0xffffffffL));
    /** clock ids. */
    public static final Arg CLOCK = named(Flags.CLOCK::format);
    /** A resource of getrlimit/setrlimit/prlimit64. */
    public static final Arg RLIMIT = named(Flags.RLIMIT::format);

    /** An argument printed by a name function of its value. */
    public static Arg named(LongFunction<String> name) {
        return (c, i, out) -> out.append(name.apply(c.arg(i)));
    }

    /** A struct the caller gives (read after the call; the call does not change it). */
    public static Arg in(Reader reader) {
        return (c, i, out) -> out.append(c.arg(i) == 0 ? "NULL" : reader.read(c, c.arg(i)));
    }

    /** A struct the call fills: shown when it succeeded, else its pointer. */
    public static Arg out(Reader reader) {
        return (c, i, out) -> out.append(c.arg(i) == 0 ? "NULL"
                : c.succeeded() ? reader.read(c, c.arg(i)) : Formats.pointer(c.arg(i)));
    }

    /** Reads and prints what a pointer argument points to. */
    @FunctionalInterface
    public interface Reader {
        /** The text for the struct at {@code address} of {@code call}'s memory. */
        String read(CallArgs call, long address);
    }

    /** A buffer the call reads from (write), its length argument {@code lengthArg}. */
    public static Arg writeBuffer(int lengthArg) {
        return (c, i, out) -> out.append(Formats.buffer(c.memory(), c.arg(i), c.arg(lengthArg), false));
    }

    /** A buffer the call fills (read): after success, as many bytes as the result says. */
    public static Arg readBuffer(boolean hexOnly) {
        return (c, i, out) -> out.append(c.succeeded() ? Formats.buffer(c.memory(), c.arg(i), c.result(), hexOnly)
                : Formats.pointer(c.arg(i)));
    }
}
