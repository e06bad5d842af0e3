package osbox.hw.cpu.fp;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-picked tests' assertion: an operation's result in one rounding
 * mode, or in all five, with exactly the expected flags. Binary32 results
 * and 32-bit integers are compared as the longs they widen to.
 */
final class Expect {
    private Expect() {
    }

    /** An operation under test in a given mode, raising into the flags. */
    interface Op {
        long apply(int rm, FpFlags flags);
    }

    /** One operation in one mode: its result and exactly the expected flags. */
    static void expect(long result, int flags, int rm, Op op) {
        FpFlags raised = new FpFlags();
        long actual = op.apply(rm, raised);
        assertEquals(Long.toHexString(result), Long.toHexString(actual), "rm " + rm);
        assertEquals(flags, raised.bits, "flags, rm " + rm);
    }

    /** The same operation in the five modes (RNE, RTZ, RDN, RUP, RMM), with the same flags. */
    static void expectModes(long[] results, int flags, Op op) {
        for (int rm = 0; rm <= 4; rm++) {
            expect(results[rm], flags, rm, op);
        }
    }
}
