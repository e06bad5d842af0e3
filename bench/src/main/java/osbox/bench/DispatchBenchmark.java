package osbox.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import osbox.api.hw.HartContext;
import osbox.api.hw.TranslationUnit;
import osbox.api.hw.TrapCause;
import osbox.hw.cpu.RiscvCpu;
import osbox.hw.cpu.RiscvHart;
import osbox.hw.memory.FrameStore;
import osbox.hw.mmu.Sv39Mmu;

/**
 * Instruction dispatch: one hart (RiscvCpu on an Sv39 unit in Bare mode,
 * FrameStore memory, no kernel, no machine loop) runs a 10-instruction loop
 * in slices of {@value #SLICE} cycles, one slice per operation. The score
 * is simulated instructions per second (one JMH "op" = one instruction;
 * every instruction costs one cycle, so a slice is exactly SLICE
 * instructions). "alu": nine register ALU ops and a jump, so pure decode-
 * cache fetch + switch dispatch; "mixed": the same with one store and one
 * load replacing two ALU ops (TLB fast path hits). This is the best case:
 * the JIT sees only these few ops, unlike a real program.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {
    static final int SLICE = 1_000_000;
    private static final long CODE = 0x1000;
    private static final long DATA = 0x8000;

    @Param({"alu", "mixed"})
    public String loop;

    private RiscvHart hart;

    @Setup
    public void setup() {
        FrameStore memory = new FrameStore(1 << 20);
        TranslationUnit mmu = new Sv39Mmu(64).createUnit(0, memory); // Bare mode after reset
        hart = new RiscvCpu().createHart(0, mmu, memory);
        Rv a = new Rv();
        a.addi(Rv.A0, Rv.A0, 1);
        a.xor(Rv.A1, Rv.A1, Rv.A0);
        a.add(Rv.A2, Rv.A2, Rv.A1);
        a.slli(Rv.A3, Rv.A2, 1);
        a.sub(Rv.A4, Rv.A3, Rv.A0);
        a.andi(Rv.A5, Rv.A4, 255);
        if (loop.equals("mixed")) {
            a.sd(Rv.A5, Rv.SP, 8);
            a.ld(Rv.A6, Rv.SP, 8);
        } else {
            a.or(Rv.A6, Rv.A5, Rv.A1);
            a.srli(Rv.A7, Rv.A6, 3);
        }
        a.addi(Rv.T0, Rv.T0, -1);
        a.j(0);
        byte[] code = a.bytes();
        memory.write(CODE, code, 0, code.length);
        HartContext ctx = new HartContext();
        ctx.pc = CODE;
        ctx.x[Rv.SP] = DATA;
        hart.setContext(ctx);
    }

    @Benchmark
    @OperationsPerInvocation(SLICE)
    public long slice() {
        int cause = hart.run(hart.cycle() + SLICE);
        if (cause != TrapCause.NONE) {
            throw new IllegalStateException("trap " + TrapCause.name(cause));
        }
        return hart.instret();
    }
}
