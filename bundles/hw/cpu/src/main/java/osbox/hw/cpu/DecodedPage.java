package osbox.hw.cpu;

import java.util.Arrays;

/**
 * The decoded instructions of one physical page: one long per halfword slot
 * {@code (pc & 0xfff) >>> 1} (an instruction may start at any halfword once
 * C is in), decoded lazily on first execution. Two extra slots past the end
 * say {@link Ops#RELOOKUP}, so running sequentially off the page end makes
 * the hart look the next page up without a check per instruction.
 *
 * <p>Each slot word is one decoded instruction in the layout {@link Slot}
 * describes and reads.
 */
public final class DecodedPage {
    public static final int SLOTS = 2048;

    /** Physical page number this page decodes; -1 for a hart's scratch page. */
    final long ppn;
    /** The frame's bytes (the memory's own array), read when a slot is decoded. */
    final byte[] frame;
    final long[] code = new long[SLOTS + 2];

    DecodedPage(long ppn, byte[] frame) {
        this.ppn = ppn;
        this.frame = frame;
        code[SLOTS] = Slot.pack(Ops.RELOOKUP, 0, 0, 0, 0, 0, 0);
        code[SLOTS + 1] = code[SLOTS];
    }

    /** A slot array in which every slot says RELOOKUP. */
    static long[] relookupSlots() {
        long[] a = new long[SLOTS + 2];
        Arrays.fill(a, Slot.pack(Ops.RELOOKUP, 0, 0, 0, 0, 0, 0));
        return a;
    }

    /** Fills one slot; the caller has already applied the x0 rules. */
    void set(int slot, int op, int rd, int rs1, int rs2, int imm, int len, int cost) {
        code[slot] = Slot.pack(op, rd, rs1, rs2, imm, len, cost);
    }

    /** Whether slot {@code slot} has been decoded. */
    boolean isDecoded(int slot) {
        return code[slot] != 0;
    }
}
