package osbox.hw.cpu;

/**
 * One decoded instruction as the {@code long} a {@link DecodedPage} slot
 * holds, and the named accessors of its fields. Layout:
 * <pre>
 *   bits  0..6   op ({@link Ops}; 0 = not decoded yet)
 *   bits  7..13  cost in cycles
 *   bits 14..18  rd
 *   bits 19..23  rs1
 *   bits 24..28  rs2 (a LOAD_X0's access size)
 *   bits 29..31  length in bytes (2 or 4)
 *   bits 32..63  the immediate (an illegal instruction's bits, an AMO's funct5)
 * </pre>
 * The accessors are tiny static methods, so HotSpot inlines them into the
 * interpreter loop and reading a field costs the shift and mask it would
 * cost written out; a test keeps {@link #pack} and the accessors in step.
 */
final class Slot {
    static final int OP_MASK = 0x7f;
    static final int COST_SHIFT = 7;
    static final int COST_MASK = 0x7f;
    static final int RD_SHIFT = 14;
    static final int RS1_SHIFT = 19;
    static final int RS2_SHIFT = 24;
    static final int REG_MASK = 31;
    static final int LEN_SHIFT = 29;
    static final int LEN_MASK = 7;

    private Slot() {
    }

    /**
     * Packs one slot word. Expects op and cost within 0..127, registers
     * 0..31 and len 0..7; throws on a bad op, cost or len (a decoder bug).
     */
    static long pack(int op, int rd, int rs1, int rs2, int imm, int len, int cost) {
        if (op < 0 || op > OP_MASK || cost < 0 || cost > COST_MASK || (len & ~LEN_MASK) != 0) {
            throw new IllegalArgumentException("bad slot: op " + op + " cost " + cost + " len " + len);
        }
        int low = op | cost << COST_SHIFT | rd << RD_SHIFT | rs1 << RS1_SHIFT | rs2 << RS2_SHIFT | len << LEN_SHIFT;
        return (long) imm << 32 | (low & 0xffffffffL);
    }

    /** The op ({@link Ops}) of slot word {@code w}. */
    static int op(long w) {
        return (int) w & OP_MASK;
    }

    /** The cycles the instruction in {@code w} costs. */
    static int cost(long w) {
        return ((int) w >>> COST_SHIFT) & COST_MASK;
    }

    /** The destination register of {@code w}. */
    static int rd(long w) {
        return ((int) w >>> RD_SHIFT) & REG_MASK;
    }

    /** The first source register of {@code w}. */
    static int rs1(long w) {
        return ((int) w >>> RS1_SHIFT) & REG_MASK;
    }

    /** The second source register of {@code w}. */
    static int rs2(long w) {
        return ((int) w >>> RS2_SHIFT) & REG_MASK;
    }

    /** The length in bytes of the instruction in {@code w}: what a sequential pc advances by. */
    static int len(long w) {
        return (int) w >>> LEN_SHIFT;
    }

    /** The immediate of {@code w}, sign-extended to an int as the decoder made it. */
    static int imm(long w) {
        return (int) (w >> 32);
    }
}
