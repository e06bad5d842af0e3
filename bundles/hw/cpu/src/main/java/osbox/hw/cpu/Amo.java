package osbox.hw.cpu;

/**
 * The read-modify-write functions of the A extension's AMOs, by funct5.
 * Operands of .w forms arrive sign-extended from 32 bits; the caller stores
 * only the low bits, and unsigned comparison of sign-extended 32-bit values
 * orders them as unsigned 32-bit values would.
 */
final class Amo {
    private Amo() {
    }

    static final int ADD = 0x00, SWAP = 0x01, XOR = 0x04, OR = 0x08, AND = 0x0c, MIN = 0x10, MAX = 0x14,
            MINU = 0x18, MAXU = 0x1c;

    /** The value to store for AMO {@code funct5} given memory's {@code old} value and rs2's {@code src}. */
    static long apply(int funct5, long old, long src) {
        switch (funct5) {
            case ADD: return old + src;
            case SWAP: return src;
            case XOR: return old ^ src;
            case OR: return old | src;
            case AND: return old & src;
            case MIN: return Math.min(old, src);
            case MAX: return Math.max(old, src);
            case MINU: return Long.compareUnsigned(old, src) <= 0 ? old : src;
            case MAXU: return Long.compareUnsigned(old, src) >= 0 ? old : src;
            default: throw new IllegalStateException("not an AMO funct5: " + funct5); // the decoder admits none
        }
    }
}
