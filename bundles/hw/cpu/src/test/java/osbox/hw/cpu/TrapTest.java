package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static osbox.hw.cpu.Asm.*;

import org.junit.jupiter.api.Test;
import osbox.api.hw.TrapCause;

/** Traps: ecall, ebreak, illegal and privileged instructions, page faults, and the cycle budget. */
class TrapTest {

    @Test
    void ecallLeavesPcOnTheEcallAndIsNotCounted() {
        Rig r = new Rig();
        r.code(a -> {
            a.addi(A7, ZERO, 93);
            a.ecall();
            a.addi(A0, ZERO, 1);
            a.ecall();
        });
        assertEquals(0, r.runToTrap(TrapCause.ECALL_FROM_U));
        assertEquals(Rig.CODE + 4, r.ctx.pc);
        assertEquals(1, r.hart.instret());
        assertEquals(1, r.hart.cycle());
        r.ctx.pc += 4; // the kernel steps over the ecall
        r.runToEcall();
        assertEquals(1, r.x(A0));
        assertEquals(Rig.CODE + 12, r.ctx.pc);
        assertEquals(2, r.hart.instret());
    }

    @Test
    void ebreakReportsPc() {
        Rig r = new Rig();
        r.code(a -> {
            a.addi(A0, ZERO, 1);
            a.ebreak();
        });
        assertEquals(Rig.CODE + 4, r.runToTrap(TrapCause.BREAKPOINT));
        assertEquals(Rig.CODE + 4, r.ctx.pc);
        assertEquals(1, r.hart.instret());
    }

    private static void illegal(int inst) {
        Rig r = new Rig();
        r.code(a -> a.word(inst));
        assertEquals(inst & 0xffffffffL, r.runToTrap(TrapCause.ILLEGAL_INSTRUCTION), Integer.toHexString(inst));
        assertEquals(Rig.CODE, r.ctx.pc);
        assertEquals(0, r.hart.instret());
        assertEquals(0, r.hart.cycle());
    }

    @Test
    void privilegedInstructionsAreIllegal() {
        illegal(0x30200073); // mret
        illegal(0x10200073); // sret
        illegal(0x00200073); // uret
        illegal(0x10500073); // wfi
        illegal(0x12000073); // sfence.vma
        illegal(0x12b50073); // sfence.vma a0, a1
        illegal(0x7b200073); // dret
        illegal(0x62000073); // hfence.gvma
        illegal(0x00000473); // ecall with rd != 0
        illegal(0x00300073); // reserved system funct12
    }

    @Test
    void unknownEncodingsAreIllegal() {
        illegal(0xffffffff);
        illegal(0x00054007); // flq (no Q)
        illegal(0x00a54027); // fsq
        illegal(0x04b57053); // fadd.h (no Zfh)
        illegal(0x00b55053); // fadd.s with reserved rounding mode 5
        illegal(0x0000000b); // custom-0
        illegal(0x0000001f); // 48-bit prefix
        illegal(0x0000003f); // 64-bit prefix
        illegal(0x0000007f);
        illegal(0x00007003); // load funct3 111
        illegal(0x00004023); // store funct3 100
        illegal(0x00002063); // branch funct3 010
        illegal(0x00003063); // branch funct3 011
        illegal(0x00001067); // jalr funct3 001
        illegal(0x0000200f); // misc-mem funct3 010
        illegal(0x08001013); // slli with bit 27 set
        illegal(0x40001013); // slli with bit 30 set (no "slai")
        illegal(0x20005013); // srli with bit 29 set
        illegal(0x0200101b); // slliw with shamt[5]
        illegal(0x0200501b); // srliw with shamt[5]
        illegal(0x4200501b); // sraiw with shamt[5]
        illegal(0x4000101b); // slliw funct7 0x20
        illegal(0x0000201b); // op-imm-32 funct3 010
        illegal(0x04000033); // op funct7 0x02
        illegal(0x40001033); // sll with funct7 0x20
        illegal(0x40002033); // slt with funct7 0x20
        illegal(0x4000103b); // sllw with funct7 0x20
        illegal(0x0000203b); // op-32 funct3 010
        illegal(0x0200103b); // op-32 M funct3 001 (no mulhw)
        illegal(0x0000002f); // amo funct3 000
        illegal(0x0000402f); // amo funct3 100
        illegal(0x2800302f); // amo funct5 00101
        illegal(0x1010302f); // lr.d with rs2 != 0
        illegal(0x0000006b); // reserved major opcode
        illegal(0x00000077); // reserved major opcode
    }

    @Test
    void illegalAfterProgressKeepsCounters() {
        Rig r = new Rig();
        r.code(a -> {
            a.addi(A0, ZERO, 3);
            a.addi(A0, A0, 3);
            a.word(0xffffffff);
        });
        assertEquals(0xffffffffL, r.runToTrap(TrapCause.ILLEGAL_INSTRUCTION));
        assertEquals(Rig.CODE + 8, r.ctx.pc);
        assertEquals(2, r.hart.instret());
        assertEquals(2, r.hart.cycle());
        assertEquals(6, r.x(A0));
    }

    @Test
    void fetchPageFaults() {
        Rig r = new Rig();
        r.tlb.unmapped.add(0x5L);
        r.code(a -> a.jal(RA, 0x4000)); // 0x1000 -> 0x5000
        assertEquals(0x5000, r.runToTrap(TrapCause.INSTRUCTION_PAGE_FAULT));
        assertEquals(0x5000, r.ctx.pc);
        assertEquals(Rig.CODE + 4, r.x(RA), "the jal retired");
        assertEquals(1, r.hart.instret());

        r = new Rig();
        r.tlb.noExec.add(0x6L);
        r.code(0x6000, a -> a.ecall());
        assertEquals(0x6000, r.runToTrap(TrapCause.INSTRUCTION_PAGE_FAULT), "readable but not executable");

        r = new Rig();
        r.ctx.pc = Rig.MEMORY;
        assertEquals(Rig.MEMORY, r.runToTrap(TrapCause.INSTRUCTION_PAGE_FAULT), "outside memory");

        r = new Rig();
        r.tlb.unmapped.add(0x8L);
        r.code(0x7ff8, a -> {
            a.addi(A0, ZERO, 1);
            a.addi(A0, A0, 1);
        }); // falls through into the unmapped page
        assertEquals(0x8000, r.runToTrap(TrapCause.INSTRUCTION_PAGE_FAULT));
        assertEquals(2, r.x(A0));
    }

    @Test
    void fetchFaultOnTheSecondHalfOfACrossingInstruction() {
        Rig r = new Rig();
        r.tlb.unmapped.add(0x8L);
        r.code(0x7ffc, a -> {
            a.c(Asm.C.li(A0, 1));
            a.addi(A0, A0, 5); // at 0x7ffe, crosses into 0x8000
        });
        assertEquals(0x8000, r.runToTrap(TrapCause.INSTRUCTION_PAGE_FAULT));
        assertEquals(0x7ffe, r.ctx.pc, "pc is the instruction's address");
        assertEquals(1, r.x(A0));
        assertEquals(1, r.hart.instret());
        r.tlb.unmapped.clear(); // the kernel maps the page and returns
        r.memory.store(0x8002, 4, 0x00000073); // ecall after it
        r.runToEcall();
        assertEquals(6, r.x(A0));
    }

    @Test
    void loadAndStorePageFaults() {
        Rig r = new Rig();
        long page = Rig.DATA + 0x3000;
        r.tlb.unmapped.add(page >>> 12);
        r.set(S0, page + 0x10).set(A0, 0x55);
        r.code(a -> a.ld(A0, S0, 8));
        assertEquals(page + 0x18, r.runToTrap(TrapCause.LOAD_PAGE_FAULT));
        assertEquals(0x55, r.x(A0), "rd untouched");
        assertEquals(Rig.CODE, r.ctx.pc);

        r = new Rig();
        r.tlb.unmapped.add(page >>> 12);
        r.set(S0, page).code(a -> a.sb(A0, S0, 3));
        assertEquals(page + 3, r.runToTrap(TrapCause.STORE_PAGE_FAULT));

        r = new Rig();
        r.tlb.readOnly.add(page >>> 12);
        r.memory.store(page, 8, 0x1234);
        r.set(S0, page).set(A0, 99).code(a -> {
            a.ld(A1, S0, 0); // reading is allowed
            a.sd(A0, S0, 0);
        });
        assertEquals(page, r.runToTrap(TrapCause.STORE_PAGE_FAULT));
        assertEquals(0x1234, r.x(A1));
        assertEquals(0x1234, r.memory.load(page, 8), "nothing stored");
        assertEquals(Rig.CODE + 4, r.ctx.pc);
    }

    @Test
    void faultThenKernelMapsThePageThenRetrySucceeds() {
        Rig r = new Rig();
        long page = Rig.DATA + 0x5000;
        r.tlb.unmapped.add(page >>> 12);
        r.set(S0, page).set(A0, 7).code(a -> {
            a.sd(A0, S0, 0);
            a.ld(A1, S0, 0);
            a.ecall();
        });
        assertEquals(page, r.runToTrap(TrapCause.STORE_PAGE_FAULT));
        r.tlb.unmapped.remove(page >>> 12);
        r.runToEcall();
        assertEquals(7, r.x(A1));
    }

    @Test
    void misalignedAccessFaultingOnTheSecondPage() {
        Rig r = new Rig();
        long second = Rig.DATA + 0x2000;
        r.tlb.unmapped.add(second >>> 12);
        r.memory.store(second - 4, 4, 0xabcdef01L);
        r.set(S0, second - 4).set(A0, -1L).set(A1, 0x55);
        r.code(a -> a.ld(A1, S0, 0));
        assertEquals(second, r.runToTrap(TrapCause.LOAD_PAGE_FAULT), "the first faulting byte");
        assertEquals(0x55, r.x(A1));

        r = new Rig();
        r.tlb.unmapped.add(second >>> 12);
        r.memory.store(second - 4, 4, 0xabcdef01L);
        r.set(S0, second - 4).set(A0, -1L);
        r.code(a -> a.sd(A0, S0, 0));
        assertEquals(second, r.runToTrap(TrapCause.STORE_PAGE_FAULT));
        assertEquals(0xabcdef01L, r.memory.load(second - 4, 4), "the first page is not written either");

        r = new Rig();
        r.tlb.unmapped.add((second >>> 12) - 1);
        r.set(S0, second - 4).code(a -> a.lw(A1, S0, 2));
        assertEquals(second - 2, r.runToTrap(TrapCause.LOAD_PAGE_FAULT), "first page faults: the start address");
    }

    @Test
    void oddPcIsMisaligned() {
        Rig r = new Rig();
        r.ctx.pc = Rig.CODE + 1;
        assertEquals(Rig.CODE + 1, r.runToTrap(TrapCause.INSTRUCTION_MISALIGNED));
    }

    @Test
    void budgetStopsExactly() {
        Rig r = new Rig();
        r.code(a -> {
            a.addi(A0, A0, 1);
            a.addi(A1, A1, 1);
            a.jal(ZERO, -8);
        });
        assertEquals(TrapCause.NONE, r.hart.run(100));
        assertEquals(100, r.hart.cycle());
        assertEquals(100, r.hart.instret());
        assertEquals(34, r.x(A0));
        assertEquals(33, r.x(A1));
        assertEquals(Rig.CODE + 4, r.ctx.pc, "the 101st instruction is next");
        assertEquals(TrapCause.NONE, r.hart.run(100), "no budget left");
        assertEquals(100, r.hart.instret());
        assertEquals(TrapCause.NONE, r.hart.run(250));
        assertEquals(250, r.hart.cycle());
        assertEquals(250, r.hart.instret());
        assertEquals(84, r.x(A0));
        r.hart.addCycles(50);
        assertEquals(TrapCause.NONE, r.hart.run(310));
        assertEquals(310, r.hart.cycle());
        assertEquals(260, r.hart.instret(), "kernel cycles are not instructions");
    }

    @Test
    void budgetWithCostsOvershootsByTheLastCost() {
        Rig r = new Rig(new CostModel(3, 1, 1, 1, 1, 1, 2, 1, 1, 1), 100);
        r.code(a -> {
            a.addi(A0, A0, 1);
            a.jal(ZERO, -4);
        });
        assertEquals(TrapCause.NONE, r.hart.run(10)); // 0 +3 +2 +3 +2 = 10
        assertEquals(10, r.hart.cycle());
        assertEquals(4, r.hart.instret());
        assertEquals(TrapCause.NONE, r.hart.run(11)); // starts at 10 < 11: one addi
        assertEquals(13, r.hart.cycle());
        assertEquals(5, r.hart.instret());
        assertEquals(3, r.x(A0));
    }

    @Test
    void idleHartAdvancesTime() {
        Rig r = new Rig();
        r.hart.setContext(null);
        assertNull(r.hart.context());
        assertEquals(TrapCause.NONE, r.hart.run(500));
        assertEquals(500, r.hart.cycle());
        assertEquals(500, r.hart.idleCycles());
        assertEquals(TrapCause.NONE, r.hart.run(400));
        assertEquals(500, r.hart.cycle(), "never goes back");
        r.hart.addCycles(20);
        assertEquals(TrapCause.NONE, r.hart.run(600));
        assertEquals(600, r.hart.cycle());
        assertEquals(580, r.hart.idleCycles());
        assertEquals(0, r.hart.instret());
    }

    @Test
    void identity() {
        Rig r = new Rig();
        assertEquals("rv64imafdc_zicsr_zifencei", r.cpu.isa());
        assertEquals(0, r.hart.id());
        assertEquals(r.tlb, r.hart.mmu());
        assertEquals(r.ctx, r.hart.context());
    }
}
