package osbox.hw.cpu;

/**
 * The decoded instructions of one physical page: parallel arrays indexed by
 * halfword slot {@code (pc & 0xfff) >>> 1} (an instruction may start at any
 * halfword once C is in). Slots are decoded lazily, on first execution.
 *
 * <p>Per slot: {@code op} (an {@link Ops} constant, 0 = not decoded yet);
 * {@code fields} = rd | rs1 << 5 | rs2 << 10 | length << 15 (length 2 or 4
 * bytes); {@code imm} = the immediate (or the instruction bits of an
 * illegal one, or the AMO's funct5); {@code cost} = cycles charged.
 */
public final class DecodedPage {
    public static final int SLOTS = 2048;
    static final int LEN_SHIFT = 15;

    /** Physical page number this page decodes; -1 for a hart's scratch page. */
    final long ppn;
    /** The frame's bytes (the memory's own array), read when a slot is decoded. */
    final byte[] frame;
    final int[] op = new int[SLOTS];
    final int[] fields = new int[SLOTS];
    final int[] imm = new int[SLOTS];
    final byte[] cost = new byte[SLOTS];

    DecodedPage(long ppn, byte[] frame) {
        this.ppn = ppn;
        this.frame = frame;
    }

    /** Fills one slot; the caller has already applied the x0 rules. */
    void set(int slot, int op, int rd, int rs1, int rs2, int imm, int len, int cost) {
        this.fields[slot] = rd | rs1 << 5 | rs2 << 10 | len << LEN_SHIFT;
        this.imm[slot] = imm;
        this.cost[slot] = (byte) cost;
        this.op[slot] = op;
    }

    /** Whether slot {@code slot} has been decoded. */
    boolean isDecoded(int slot) {
        return op[slot] != Ops.UNDECODED;
    }
}
