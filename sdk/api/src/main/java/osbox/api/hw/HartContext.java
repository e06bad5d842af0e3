package osbox.api.hw;

/**
 * The user-visible register state a hart runs: x0..x31, pc, and the F/D
 * state f0..f31 and fcsr (since 1.4). The kernel
 * keeps one per thread of control (in the PCB) and hands it to a hart with
 * {@link Hart#setContext}: a context switch swaps this object, it copies
 * nothing. {@code x[0]} is always zero; the CPU never writes it.
 */
public final class HartContext {
    /** Integer registers; x[0] stays 0. */
    public final long[] x = new long[32];
    /** Address of the next instruction. */
    public long pc;
    /**
     * Floating-point registers as raw 64-bit patterns: a double's bits, or a
     * float's bits NaN-boxed (upper 32 bits all ones). Since 1.4.
     */
    public final long[] f = new long[32];
    /** The fcsr CSR: frm (rounding mode) in bits 7..5, fflags in bits 4..0; the hart keeps bits above 7 zero. Since 1.4. */
    public int fcsr;

    /** A copy of this context (fork): integer, pc and floating-point state. */
    public HartContext copy() {
        HartContext c = new HartContext();
        System.arraycopy(x, 0, c.x, 0, 32);
        System.arraycopy(f, 0, c.f, 0, 32);
        c.pc = pc;
        c.fcsr = fcsr;
        return c;
    }

    /** ABI register numbers, for kernels and tools. */
    public static final int RA = 1, SP = 2, GP = 3, TP = 4, A0 = 10, A1 = 11, A2 = 12, A3 = 13, A4 = 14, A5 = 15,
            A6 = 16, A7 = 17;

    private static final String[] ABI_NAMES = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
        "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10",
        "s11", "t3", "t4", "t5", "t6"};

    /** The ABI name of register {@code i} ("a0", "sp"...). */
    public static String abiName(int i) {
        return ABI_NAMES[i];
    }
}
