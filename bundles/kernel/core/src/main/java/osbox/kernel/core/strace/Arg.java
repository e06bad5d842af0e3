package osbox.kernel.core.strace;

/**
 * How one argument of a system call is printed. It gets the whole call
 * (a buffer's length is another argument, or the result) and the index of
 * its own argument.
 */
@FunctionalInterface
public interface Arg {
    /** Appends argument {@code i} of {@code call} to {@code out}, as strace would print it. */
    void append(CallArgs call, int i, StringBuilder out);
}
