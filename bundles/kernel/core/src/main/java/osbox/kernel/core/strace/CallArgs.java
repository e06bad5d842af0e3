package osbox.kernel.core.strace;

import osbox.api.kernel.UserMemory;

/**
 * One system call as its decoders see it: the six argument registers as
 * they were when the call was made, the caller's memory, and, once the
 * call has answered, its result. One per traced process, reused.
 */
public final class CallArgs {
    private final long[] args = new long[6];
    private UserMemory memory;
    private long result;
    private boolean answered;

    /** Records the arguments of a call being made (a0-a5) and the memory its pointers point into. */
    void enter(long[] registers, int a0, UserMemory memory) {
        System.arraycopy(registers, a0, args, 0, 6);
        this.memory = memory;
        this.answered = false;
    }

    /** The call answered {@code result}; its out-arguments are to be read from {@code memory} now. */
    void answer(long result, UserMemory memory) {
        this.result = result;
        this.memory = memory;
        this.answered = true;
    }

    /** Argument i (0-5) as the register held it. */
    public long arg(int i) {
        return args[i];
    }

    /** Argument i as a C int (the low 32 bits, sign-extended), as the kernel reads an int. */
    public int intArg(int i) {
        return (int) args[i];
    }

    /** The caller's memory (after the call: as the call left it). */
    public UserMemory memory() {
        return memory;
    }

    /** Whether the call has answered (false: the line is made before it runs, as for execve). */
    public boolean answered() {
        return answered;
    }

    /** The call's result (only when answered). */
    public long result() {
        return result;
    }

    /** Whether the call answered without an error: what it wrote to its out-arguments may be shown. */
    public boolean succeeded() {
        return answered && !isError(result);
    }

    /** Whether a result is an error: -4095..-1, as the C library (and strace) decide. */
    public static boolean isError(long result) {
        return result < 0 && result >= -4095;
    }
}
