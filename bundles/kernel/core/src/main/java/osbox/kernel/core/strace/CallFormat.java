package osbox.kernel.core.strace;

/**
 * How one system call is printed: its name, its arguments, how its result
 * reads, and whether the line is made before the call runs (execve: the
 * caller's memory is gone after it) instead of after (the default, so that
 * what a call wrote, a read's bytes or a stat struct, can be shown).
 *
 * @param name    the Linux name
 * @param args    the argument list (without the parentheses)
 * @param result  how a successful result is printed
 * @param atEntry whether the arguments are decoded before the call runs
 */
public record CallFormat(String name, Printer args, Result result, boolean atEntry) {
    /** Prints the argument list of a call. */
    @FunctionalInterface
    public interface Printer {
        /** Appends the arguments of {@code call}, separated by ", ", to {@code out}. */
        void append(CallArgs call, StringBuilder out);
    }

    /** How a successful result is printed (errors are always -1 ENAME (message)). */
    public enum Result {
        /** Signed decimal: counts, descriptors, pids. */
        DECIMAL,
        /** Hex: addresses (brk, mmap). */
        HEX,
        /** Octal: modes (umask). */
        OCTAL
    }

    /** A call whose arguments are printed one by one, in register order, with {@code args[i]} for register a{@code i}. */
    public static CallFormat of(String name, Arg... args) {
        return new CallFormat(name, inOrder(args), Result.DECIMAL, false);
    }

    /** The same call with its result printed as {@code result} says. */
    public CallFormat returning(Result r) {
        return new CallFormat(name, args, r, atEntry);
    }

    /** The same call, its line made before it runs. */
    public CallFormat decodedAtEntry() {
        return new CallFormat(name, args, result, true);
    }

    /** A printer of {@code args} in register order. */
    public static Printer inOrder(Arg... args) {
        Arg[] copy = args.clone();
        return (call, out) -> {
            for (int i = 0; i < copy.length; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                copy[i].append(call, i, out);
            }
        };
    }
}
