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
 * TLB hit and TLB miss: one hart in Sv39 mode (page tables built by hand in
 * FrameStore: root, one level-1 table, a level-0 table for the code page and
 * one for 512 data pages; TLB of {@code tlb} entries, 256 as in the
 * distribution) runs a 5-instruction loop doing one access per iteration:
 * {@code add t2,s3,a0; ld t1,0(t2); add a0,a0,s1; and a0,a0,s2; j loop}.
 * The score is ns per iteration (one JMH op = one access).
 * <ul>
 * <li>{@code alu}: the ld is replaced by an add: the cost of the loop itself (baseline).</li>
 * <li>{@code hit}: stride 8 inside one page: every load hits the TLB's fast path.</li>
 * <li>{@code miss}: stride 4 KiB over 512 pages, more than the TLB holds, so every
 *     load misses and the MMU walks the three Sv39 levels and refills.</li>
 * </ul>
 * hit - alu is what a TLB hit adds to a load; miss - hit what a miss with a walk adds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TlbBenchmark {
    static final int ACCESSES = 100_000;
    private static final int LOOP = 5;
    private static final long V = 1, R = 2, W = 4, X = 8, U = 16, A = 64, D = 128;
    private static final long CODE_VA = 0x10000;
    private static final long DATA_VA = 0x200000;
    private static final int DATA_PAGES = 512;

    @Param({"alu", "hit", "miss"})
    public String access;

    @Param({"256"})
    public int tlb;

    private RiscvHart hart;

    @Setup
    public void setup() {
        FrameStore memory = new FrameStore(16 << 20);
        long root = 1, l1 = 2, l0Code = 3, l0Data = 4, codeFrame = 16, dataFrame = 1024;
        pte(memory, root, 0, l1 << 10 | V);
        pte(memory, l1, 0, l0Code << 10 | V); // va 0..2 MiB
        pte(memory, l1, 1, l0Data << 10 | V); // va 2..4 MiB
        pte(memory, l0Code, (int) (CODE_VA >>> 12) & 511, codeFrame << 10 | V | R | X | U | A);
        for (int i = 0; i < DATA_PAGES; i++) {
            pte(memory, l0Data, i, (dataFrame + i) << 10 | V | R | W | U | A | D);
            memory.store((dataFrame + i) << 12, 8, i); // touch the frame
        }
        TranslationUnit mmu = new Sv39Mmu(tlb).createUnit(0, memory);
        mmu.setSatp(TranslationUnit.satp(TranslationUnit.MODE_SV39, 1, root));
        hart = new RiscvCpu().createHart(0, mmu, memory);

        Rv a = new Rv();
        a.add(Rv.T2, Rv.S3, Rv.A0);
        if (access.equals("alu")) {
            a.add(Rv.T1, Rv.T2, Rv.ZERO);
        } else {
            a.ld(Rv.T1, Rv.T2, 0);
        }
        a.add(Rv.A0, Rv.A0, Rv.S1);
        a.and(Rv.A0, Rv.A0, Rv.S2);
        a.j(0);
        byte[] code = a.bytes();
        memory.write(codeFrame << 12, code, 0, code.length);

        HartContext ctx = new HartContext();
        ctx.pc = CODE_VA;
        ctx.x[Rv.S3] = DATA_VA;
        boolean miss = access.equals("miss");
        ctx.x[Rv.S1] = miss ? 4096 : 8;
        ctx.x[Rv.S2] = miss ? (long) DATA_PAGES * 4096 - 1 : 4095;
        hart.setContext(ctx);
    }

    private static void pte(FrameStore m, long table, int index, long value) {
        m.store((table << 12) + 8L * index, 8, value);
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public long loop() {
        int cause = hart.run(hart.cycle() + (long) LOOP * ACCESSES);
        if (cause != TrapCause.NONE) {
            throw new IllegalStateException("trap " + TrapCause.name(cause) + " at " + hart.context().pc);
        }
        return hart.instret();
    }
}
