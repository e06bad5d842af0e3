package osbox.hw.cpu;

/**
 * One decoded instruction, the decoders' output before it is stored in a
 * {@link DecodedPage} slot. Reused: decoding is single-threaded.
 */
final class Decoded {
    int op;
    int rd;
    int rs1;
    int rs2;
    int imm;
    int len;

    /** Sets every field. */
    void set(int op, int rd, int rs1, int rs2, int imm, int len) {
        this.op = op;
        this.rd = rd;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.imm = imm;
        this.len = len;
    }

    /** Marks the instruction illegal; {@code bits} are reported as stval. */
    void illegal(int bits, int len) {
        set(Ops.ILLEGAL, 0, 0, 0, bits, len);
    }
}
