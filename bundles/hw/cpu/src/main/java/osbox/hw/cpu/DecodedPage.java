package osbox.hw.cpu;

import java.util.Arrays;

/**
 * The decoded instructions of one physical page: one long per halfword slot
 * {@code (pc & 0xfff) >>> 1} (an instruction may start at any halfword once
 * C is in), decoded lazily on first execution. Two extra slots past the end
 * say {@link Ops#RELOOKUP}, so running sequentially off the page end makes
 * the hart look the next page up without a check per instruction.
 *
 * <p>Slot word layout: bits 0..6 op ({@link Ops}, 0 = not decoded yet),
 * 7..13 cost in cycles, 14..18 rd, 19..23 rs1, 24..28 rs2, 29..31 length in
 * bytes (2 or 4), 32..63 the immediate (or an illegal instruction's bits, or
 * an AMO's funct5).
 */
public final class DecodedPage {
    public static final int SLOTS = 2048;
    static final int OP_MASK = 0x7f;
    static final int COST_SHIFT = 7;
    static final int COST_MASK = 0x7f;

    /** Physical page number this page decodes; -1 for a hart's scratch page. */
    final long ppn;
    /** The frame's bytes (the memory's own array), read when a slot is decoded. */
    final byte[] frame;
    final long[] code = new long[SLOTS + 2];

    DecodedPage(long ppn, byte[] frame) {
        this.ppn = ppn;
        this.frame = frame;
        code[SLOTS] = pack(Ops.RELOOKUP, 0, 0, 0, 0, 0, 0);
        code[SLOTS + 1] = code[SLOTS];
    }

    /** Packs one slot word; expects op < 128, cost 0..127, registers 0..31, len 0..7. */
    static long pack(int op, int rd, int rs1, int rs2, int imm, int len, int cost) {
        if (op < 0 || op > OP_MASK || cost < 0 || cost > COST_MASK || (len & ~7) != 0) {
            throw new IllegalArgumentException("bad slot: op " + op + " cost " + cost + " len " + len);
        }
        int low = op | cost << COST_SHIFT | rd << 14 | rs1 << 19 | rs2 << 24 | len << 29;
        return (long) imm << 32 | (low & 0xffffffffL);
    }

    /** A slot array in which every slot says RELOOKUP. */
    static long[] relookupSlots() {
        long[] a = new long[SLOTS + 2];
        Arrays.fill(a, pack(Ops.RELOOKUP, 0, 0, 0, 0, 0, 0));
        return a;
    }

    /** Fills one slot; the caller has already applied the x0 rules. */
    void set(int slot, int op, int rd, int rs1, int rs2, int imm, int len, int cost) {
        code[slot] = pack(op, rd, rs1, rs2, imm, len, cost);
    }

    /** Whether slot {@code slot} has been decoded. */
    boolean isDecoded(int slot) {
        return code[slot] != 0;
    }
}
