package osbox.hw.cpu.fp;

/**
 * RISC-V's rounding modes, as encoded in an instruction's rm field and in
 * frm. The numeric operations take a static mode (0 to 4): the hart
 * resolves DYN to frm first, and raises an illegal instruction for 5, 6,
 * or DYN when frm holds 5 to 7.
 */
public final class RoundingMode {
    private RoundingMode() {
    }

    /** Round to nearest, ties to even. */
    public static final int RNE = 0;
    /** Round towards zero. */
    public static final int RTZ = 1;
    /** Round down (towards negative infinity). */
    public static final int RDN = 2;
    /** Round up (towards positive infinity). */
    public static final int RUP = 3;
    /** Round to nearest, ties to max magnitude. */
    public static final int RMM = 4;
    /** Dynamic: the mode in frm (instruction field only). */
    public static final int DYN = 7;

    /** Whether {@code rm} is one of the five static modes. */
    public static boolean isStatic(int rm) {
        return rm >= RNE && rm <= RMM;
    }
}
