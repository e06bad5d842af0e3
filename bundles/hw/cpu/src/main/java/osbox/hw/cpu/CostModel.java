package osbox.hw.cpu;

/**
 * Cycles charged per instruction, by class. The F and D instructions use the
 * integer classes: loads and stores as load and store; fmul and the fused
 * multiply-adds as mul; fdiv and fsqrt as div; the fflags/frm/fcsr
 * instructions as csr; every other FP instruction as alu. Every cost must be 1..127 (it is
 * stored per decoded slot in a byte; zero would let a loop run forever
 * without time passing).
 */
public record CostModel(int alu, int mul, int div, int load, int store, int branch, int jump, int amo, int csr,
        int system) {

    /** One cycle for everything. */
    public static final CostModel UNIT = new CostModel(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);

    public CostModel {
        int[] all = {alu, mul, div, load, store, branch, jump, amo, csr, system};
        for (int c : all) {
            if (c < 1 || c > 127) {
                throw new IllegalArgumentException("instruction cost must be 1..127 cycles, got " + c);
            }
        }
    }

    /** The cost of each cost class, indexed by {@code Ops.C_*}. */
    int[] byClass() {
        return new int[] {alu, mul, div, load, store, branch, jump, amo, csr, system};
    }

    /** The cost of every internal op, indexed by op number. */
    byte[] perOp() {
        int[] cls = byClass();
        byte[] t = new byte[Ops.COUNT];
        for (int op = 0; op < Ops.COUNT; op++) {
            t[op] = (byte) cls[Ops.costClass(op)];
        }
        return t;
    }
}
