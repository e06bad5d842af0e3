package osbox.bench;

import java.io.ByteArrayOutputStream;

/**
 * A minimal RV64 assembler for the micro-benchmarks: the few 32-bit
 * instruction formats they use, encoded from the spec's layouts, appended
 * little-endian. Only main artifacts are on the benchmark's classpath, so
 * this is a small copy of the idea of hw-cpu's test assembler.
 */
final class Rv {
    static final int ZERO = 0, SP = 2, T0 = 5, T1 = 6, T2 = 7, A0 = 10, A1 = 11, A2 = 12, A3 = 13, A4 = 14,
            A5 = 15, A6 = 16, A7 = 17, S1 = 9, S2 = 18, S3 = 19;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    int here() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private Rv word(int w) {
        out.write(w);
        out.write(w >>> 8);
        out.write(w >>> 16);
        out.write(w >>> 24);
        return this;
    }

    private Rv r(int f7, int rs2, int rs1, int f3, int rd) {
        return word(f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | 0x33);
    }

    private Rv i(int imm, int rs1, int f3, int rd, int opc) {
        if (imm < -2048 || imm > 2047) {
            throw new IllegalArgumentException("immediate " + imm);
        }
        return word((imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opc);
    }

    Rv add(int rd, int rs1, int rs2) { return r(0, rs2, rs1, 0, rd); }
    Rv sub(int rd, int rs1, int rs2) { return r(0x20, rs2, rs1, 0, rd); }
    Rv xor(int rd, int rs1, int rs2) { return r(0, rs2, rs1, 4, rd); }
    Rv or(int rd, int rs1, int rs2) { return r(0, rs2, rs1, 6, rd); }
    Rv and(int rd, int rs1, int rs2) { return r(0, rs2, rs1, 7, rd); }
    Rv addi(int rd, int rs1, int imm) { return i(imm, rs1, 0, rd, 0x13); }
    Rv andi(int rd, int rs1, int imm) { return i(imm, rs1, 7, rd, 0x13); }
    Rv slli(int rd, int rs1, int sh) { return i(sh, rs1, 1, rd, 0x13); }
    Rv srli(int rd, int rs1, int sh) { return i(sh, rs1, 5, rd, 0x13); }
    Rv ld(int rd, int rs1, int imm) { return i(imm, rs1, 3, rd, 0x03); }

    Rv sd(int rs2, int rs1, int imm) {
        return word(((imm >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | 3 << 12 | (imm & 31) << 7 | 0x23);
    }

    /** jal x0 to the byte offset {@code target} of this code (relative jump). */
    Rv j(int target) {
        int imm = target - here();
        return word(((imm >> 20) & 1) << 31 | ((imm >> 1) & 0x3ff) << 21 | ((imm >> 11) & 1) << 20
                | ((imm >> 12) & 0xff) << 12 | 0x6f);
    }
}
