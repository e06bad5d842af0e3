package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
import osbox.api.hw.HartContext;
import osbox.api.hw.TrapCause;
import osbox.hw.memory.FrameStore;

/**
 * Test machine: 1 MiB of FrameStore memory, a bare-mode TLB, one hart with a
 * context. Code goes at {@link #CODE}, data at {@link #DATA}.
 */
final class Rig {
    static final long CODE = 0x1000;
    static final long DATA = 0x20000;
    static final long MEMORY = 1 << 20;

    final FrameStore memory = new FrameStore(MEMORY);
    final BareTranslationUnit tlb = new BareTranslationUnit(memory, 64);
    final RiscvCpu cpu;
    final RiscvHart hart;
    final HartContext ctx = new HartContext();

    Rig() {
        this(CostModel.UNIT, RiscvCpu.DEFAULT_TIME_DIVIDER);
    }

    Rig(CostModel costs, long timeDivider) {
        cpu = new RiscvCpu(costs, timeDivider);
        hart = cpu.createHart(0, tlb, memory);
        hart.setContext(ctx);
    }

    /** Assembles code at CODE, writes it into memory and points pc at it. */
    Rig code(Consumer<Asm> body) {
        return code(CODE, body);
    }

    Rig code(long origin, Consumer<Asm> body) {
        Asm a = new Asm(origin);
        body.accept(a);
        byte[] b = a.bytes();
        memory.write(origin, b, 0, b.length);
        ctx.pc = origin;
        return this;
    }

    /** Writes raw halfwords at {@code addr}. */
    void halves(long addr, int... hs) {
        for (int k = 0; k < hs.length; k++) {
            memory.store(addr + 2L * k, 2, hs[k]);
        }
    }

    Rig set(int reg, long value) {
        ctx.x[reg] = value;
        return this;
    }

    long x(int reg) {
        return ctx.x[reg];
    }

    /** Runs with a generous budget; returns the cause. */
    int run() {
        return hart.run(hart.cycle() + 1_000_000);
    }

    /** Runs and expects the program to stop at an ecall; returns the ecall's pc. */
    long runToEcall() {
        int cause = run();
        assertEquals(TrapCause.name(TrapCause.ECALL_FROM_U), TrapCause.name(cause),
                "trap value 0x" + Long.toHexString(hart.trapValue()) + " at pc 0x" + Long.toHexString(ctx.pc));
        return ctx.pc;
    }

    /** Runs and expects {@code cause}; returns the trap value. */
    long runToTrap(int cause) {
        int got = run();
        assertEquals(TrapCause.name(cause), TrapCause.name(got), "at pc 0x" + Long.toHexString(ctx.pc));
        return hart.trapValue();
    }

    /**
     * Executes one 32-bit instruction with rd = t2, rs1 = t0 = a, rs2 = t1 = b
     * (the instruction is built by {@code inst}) and returns t2.
     */
    static long one(Consumer<Asm> inst, long a, long b) {
        Rig r = new Rig();
        r.code(x -> {
            inst.accept(x);
            x.ecall();
        });
        r.set(Asm.T0, a).set(Asm.T1, b).set(Asm.T2, 0x5a5a5a5a5a5a5a5aL);
        assertEquals(CODE + 4, r.runToEcall(), "the ecall follows the instruction");
        assertEquals(1, r.hart.instret(), "exactly one instruction retired before the ecall");
        return r.x(Asm.T2);
    }
}
