package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static osbox.hw.cpu.Asm.*;

import org.junit.jupiter.api.Test;
import osbox.api.hw.TrapCause;

/**
 * Zicsr: the read-only user counters cycle, time, instret (every write is
 * illegal) and no CSR but those and fflags, frm, fcsr (FpCsrTest).
 */
class CsrTest {
    private static final int CYCLE = 0xc00;
    private static final int TIME = 0xc01;
    private static final int INSTRET = 0xc02;

    @Test
    void countersReadTheirValuesBeforeTheInstruction() {
        Rig r = new Rig(CostModel.UNIT, 10);
        r.hart.addCycles(1234);
        r.code(a -> {
            a.addi(T0, ZERO, 1);
            a.addi(T0, ZERO, 2);
            a.addi(T0, ZERO, 3);
            a.rdcycle(A0);
            a.rdinstret(A1);
            a.rdtime(A2);
            a.ecall();
        }).runToEcall();
        assertEquals(1234 + 3, r.x(A0));
        assertEquals(4, r.x(A1));
        assertEquals((1234 + 5) / 10, r.x(A2));
        assertEquals(1234 + 6, r.hart.cycle(), "the ecall is not charged");
        assertEquals(6, r.hart.instret());
    }

    @Test
    void timeUsesTheDefaultDivider() {
        Rig r = new Rig();
        r.hart.addCycles(100_000);
        r.code(a -> {
            a.rdtime(A0);
            a.ecall();
        }).runToEcall();
        assertEquals(1000, r.x(A0));
    }

    @Test
    void cycleFollowsTheCostModel() {
        Rig r = new Rig(new CostModel(3, 1, 1, 5, 1, 1, 1, 1, 2, 1), 100);
        r.memory.store(Rig.DATA, 8, 1);
        r.code(a -> {
            a.addi(S0, ZERO, 0x20); // alu 3
            a.slli(S0, S0, 12); // alu 3
            a.ld(T0, S0, 0); // load 5
            a.rdcycle(A0); // csr 2
            a.rdcycle(A1);
            a.ecall();
        }).runToEcall();
        assertEquals(11, r.x(A0));
        assertEquals(13, r.x(A1));
        assertEquals(15, r.hart.cycle());
    }

    @Test
    void legalReadForms() {
        Rig r = new Rig();
        r.code(a -> {
            a.word(Enc.csr(CYCLE, 0, 3, A0)); // csrrc a0, cycle, x0
            a.word(Enc.csr(INSTRET, 0, 6, A1)); // csrrsi a1, instret, 0
            a.word(Enc.csr(INSTRET, 0, 7, A2)); // csrrci a2, instret, 0
            a.word(Enc.csr(TIME, 0, 2, ZERO)); // csrrs x0, time, x0: a read with no effect
            a.ecall();
        }).runToEcall();
        assertEquals(0, r.x(A0));
        assertEquals(1, r.x(A1));
        assertEquals(2, r.x(A2));
        assertEquals(0, r.x(ZERO));
    }

    private static void illegal(int inst) {
        Rig r = new Rig();
        r.set(A0, 0x77).set(A1, 5);
        r.code(a -> {
            a.addi(T0, ZERO, 1);
            a.word(inst);
        });
        assertEquals(inst & 0xffffffffL, r.runToTrap(TrapCause.ILLEGAL_INSTRUCTION), Integer.toHexString(inst));
        assertEquals(Rig.CODE + 4, r.ctx.pc);
        assertEquals(0x77, r.x(A0), "rd untouched");
        assertEquals(1, r.hart.instret());
        assertEquals(1, r.hart.cycle());
    }

    @Test
    void writesAreIllegal() {
        for (int csr : new int[] {CYCLE, TIME, INSTRET}) {
            illegal(Enc.csr(csr, A1, 1, A0)); // csrrw
            illegal(Enc.csr(csr, 0, 1, ZERO)); // csrrw x0, csr, x0 still writes
            illegal(Enc.csr(csr, 3, 5, A0)); // csrrwi
            illegal(Enc.csr(csr, 0, 5, A0)); // csrrwi with 0 still writes
            illegal(Enc.csr(csr, A1, 2, A0)); // csrrs with rs1 != x0
            illegal(Enc.csr(csr, A1, 3, A0)); // csrrc with rs1 != x0
            illegal(Enc.csr(csr, 1, 6, A0)); // csrrsi with uimm != 0
            illegal(Enc.csr(csr, 31, 7, A0)); // csrrci with uimm != 0
        }
    }

    @Test
    void otherCsrsAreIllegal() {
        for (int csr : new int[] {0x004, 0xc03, 0xc1f, 0xc80, 0xc82, 0x100, 0x180, 0x300, 0xf14,
            0x000, 0xbff, 0xc20}) {
            illegal(Enc.csr(csr, 0, 2, A0));
        }
        illegal(Enc.csr(CYCLE, 0, 4, A0)); // funct3 100 is not a CSR instruction
        illegal(Enc.csr(0x003, 0, 4, A0)); // not on fcsr either
    }
}
