package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static osbox.hw.cpu.Asm.*;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Hart;
import osbox.api.hw.HartContext;
import osbox.api.hw.TrapCause;
import osbox.hw.memory.FrameStore;

/** The DS component's configuration reaches the cost table and the time divider; bad costs are refused. */
class ConfigurationTest {

    /** A Config with load cost 4, div cost 20, time divider 7, everything else 1. */
    private static CpuComponent.Config config() {
        return new CpuComponent.Config() {
            @Override public Class<? extends Annotation> annotationType() { return CpuComponent.Config.class; }
            @Override public long time_divider() { return 7; }
            @Override public int cost_alu() { return 1; }
            @Override public int cost_mul() { return 1; }
            @Override public int cost_div() { return 20; }
            @Override public int cost_load() { return 4; }
            @Override public int cost_store() { return 1; }
            @Override public int cost_branch() { return 1; }
            @Override public int cost_jump() { return 1; }
            @Override public int cost_amo() { return 1; }
            @Override public int cost_csr() { return 1; }
            @Override public int cost_system() { return 1; }
        };
    }

    @Test
    void componentAppliesItsConfiguration() {
        CpuComponent cpu = new CpuComponent(config());
        assertEquals("rv64imafdc_zicsr_zifencei", cpu.isa());
        FrameStore memory = new FrameStore(Rig.MEMORY);
        BareTranslationUnit tlb = new BareTranslationUnit(memory, 16);
        Hart hart = cpu.createHart(3, tlb, memory);
        assertEquals(3, hart.id());
        HartContext ctx = new HartContext();
        hart.setContext(ctx);
        Asm a = new Asm(Rig.CODE);
        a.li(S0, Rig.DATA); // 0x20000: one lui, 1 cycle
        a.ld(A0, S0, 0); // 4
        a.div(A1, A0, A0); // 20
        a.rdtime(A2); // cycle before = 1 + 4 + 20 = 25 -> 25 / 7 = 3
        a.ecall();
        byte[] b = a.bytes();
        memory.write(Rig.CODE, b, 0, b.length);
        ctx.pc = Rig.CODE;
        assertEquals(TrapCause.ECALL_FROM_U, hart.run(1000));
        assertEquals(3, ctx.x[A2]);
        assertEquals(26, hart.cycle());
    }

    @Test
    void costsOutsideOneTo127AreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CostModel(0, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new CostModel(1, 1, 1, 1, 1, 1, 1, 1, 1, 128));
        assertThrows(IllegalArgumentException.class, () -> new RiscvCpu(CostModel.UNIT, 0));
        assertEquals(127, new CostModel(127, 1, 1, 1, 1, 1, 1, 1, 1, 1).alu());
    }

    @Test
    void everyOpHasAClassAndAnX0Form() {
        for (int op = 1; op < Ops.COUNT; op++) {
            int cls = Ops.costClass(op);
            assertEquals(true, cls >= 0 && cls < Ops.CLASS_COUNT, "op " + op);
            int x0 = Ops.x0Form(op);
            assertEquals(true, x0 > 0 && x0 < Ops.COUNT, "op " + op);
        }
        assertEquals(Ops.NOP, Ops.x0Form(Ops.ADD));
        assertEquals(Ops.LOAD_X0, Ops.x0Form(Ops.LW));
        assertEquals(Ops.J, Ops.x0Form(Ops.JAL));
        assertEquals(Ops.JR, Ops.x0Form(Ops.JALR));
        assertEquals(Ops.SD, Ops.x0Form(Ops.SD));
        assertEquals(Ops.AMO_W, Ops.x0Form(Ops.AMO_W), "an AMO into x0 still writes memory");
    }
}
