package osbox.hw.cpu.fp;

/**
 * The IEEE 754 exception flags an operation raises, with RISC-V's fflags
 * bit layout (the low five bits of fcsr). Operations OR their flags into
 * {@link #bits}; the hart moves them into fflags after each instruction.
 * One per hart, used only on the simulation thread.
 */
public final class FpFlags {
    /** Inexact. */
    public static final int NX = 1;
    /** Underflow (tininess detected after rounding, as RISC-V specifies). */
    public static final int UF = 2;
    /** Overflow. */
    public static final int OF = 4;
    /** Division by zero. */
    public static final int DZ = 8;
    /** Invalid operation. */
    public static final int NV = 16;

    /** The flags raised so far (sticky until the caller clears them). */
    public int bits;
}
