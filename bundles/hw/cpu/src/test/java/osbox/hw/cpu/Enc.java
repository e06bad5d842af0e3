package osbox.hw.cpu;

/**
 * Test assembler, encoding half: instruction words from the RISC-V spec's
 * format layouts, written independently of the decoders (bit by bit from the
 * spec tables) so the two check each other.
 */
final class Enc {
    private Enc() {
    }

    static int r(int f7, int rs2, int rs1, int f3, int rd, int opc) {
        return f7 << 25 | reg(rs2) << 20 | reg(rs1) << 15 | f3 << 12 | reg(rd) << 7 | opc;
    }

    static int i(int imm, int rs1, int f3, int rd, int opc) {
        check(imm, -2048, 2047, 1);
        return (imm & 0xfff) << 20 | reg(rs1) << 15 | f3 << 12 | reg(rd) << 7 | opc;
    }

    static int s(int imm, int rs2, int rs1, int f3, int opc) {
        check(imm, -2048, 2047, 1);
        return ((imm >> 5) & 0x7f) << 25 | reg(rs2) << 20 | reg(rs1) << 15 | f3 << 12 | (imm & 31) << 7 | opc;
    }

    static int b(int imm, int rs2, int rs1, int f3) {
        check(imm, -4096, 4094, 2);
        return bit(imm, 12) << 31 | ((imm >> 5) & 0x3f) << 25 | reg(rs2) << 20 | reg(rs1) << 15 | f3 << 12
                | ((imm >> 1) & 0xf) << 8 | bit(imm, 11) << 7 | 0x63;
    }

    /** U format; {@code upper} is the 20-bit value placed in bits 31..12. */
    static int u(int upper, int rd, int opc) {
        return (upper & 0xfffff) << 12 | reg(rd) << 7 | opc;
    }

    static int j(int imm, int rd) {
        check(imm, -(1 << 20), (1 << 20) - 2, 2);
        return bit(imm, 20) << 31 | ((imm >> 1) & 0x3ff) << 21 | bit(imm, 11) << 20 | ((imm >> 12) & 0xff) << 12
                | reg(rd) << 7 | 0x6f;
    }

    static int amo(int funct5, int rs2, int rs1, int f3, int rd) {
        return r(funct5 << 2, rs2, rs1, f3, rd, 0x2f);
    }

    /** OP-FP: funct7 = funct5 << 2 | fmt. */
    static int fop(int funct5, int fmt, int f3, int rd, int rs1, int rs2) {
        return r(funct5 << 2 | fmt, rs2, rs1, f3, rd, 0x53);
    }

    /** R4 format (fused multiply-add): rs3 in 31..27, fmt in 26..25. */
    static int r4(int rs3, int fmt, int rs2, int rs1, int f3, int rd, int opc) {
        return reg(rs3) << 27 | fmt << 25 | reg(rs2) << 20 | reg(rs1) << 15 | f3 << 12 | reg(rd) << 7 | opc;
    }

    static int csr(int csr, int rs1OrUimm, int f3, int rd) {
        return csr << 20 | (rs1OrUimm & 31) << 15 | f3 << 12 | reg(rd) << 7 | 0x73;
    }

    // ---- compressed ----

    /** CR/CI-style: funct3 at 15..13, bit 12, rd/rs1 at 11..7, bits 6..2, quadrant. */
    static int ci(int f3, int b12, int rd, int low5, int quadrant) {
        return f3 << 13 | (b12 & 1) << 12 | reg(rd) << 7 | (low5 & 31) << 2 | quadrant;
    }

    static int prime(int r) {
        if (r < 8 || r > 15) {
            throw new IllegalArgumentException("not a compressed register: x" + r);
        }
        return r - 8;
    }

    static int bit(int v, int n) {
        return (v >> n) & 1;
    }

    static int reg(int r) {
        if (r < 0 || r > 31) {
            throw new IllegalArgumentException("register " + r);
        }
        return r;
    }

    static void check(int v, int lo, int hi, int align) {
        if (v < lo || v > hi || v % align != 0) {
            throw new IllegalArgumentException("immediate " + v + " outside " + lo + ".." + hi + " / " + align);
        }
    }
}
