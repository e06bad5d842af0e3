package osbox.bench;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import osbox.api.hw.TlbStatistics;
import osbox.harness.Computer;

/**
 * Simulated instructions per second of a memory-bound program on the whole
 * computer, for each TLB choice ({@code tlb}, a {@code --tlb} spec: size,
 * ways, ASIDs or flush-on-switch, hardware refill or a software-managed TLB
 * whose misses trap to the kernel and its hashed page tables;
 * {@code -p tlbEntries=N} instead gives a direct-mapped TLB of N entries, as
 * before the spec existed).
 * The program is {@code memwalk.elf} (resources, source beside it): 1 024
 * pages (4 MiB) visited in an odd-stride order, {@value #PASSES} passes, so
 * with fewer TLB entries than pages nearly every load misses and walks the
 * Sv39 table, and with 4 096 entries nearly every access hits.
 * {@code -p program=memtouch} runs {@code examples/programs/memtouch.elf
 * pages=1024 passes=3000 pattern=loop} instead (the same 1 024 pages in
 * order, one word a page, with its per-touch checksum);
 * {@code -p program=mallocfun} runs {@code examples/programs/mallocfun.elf}
 * (small working set: a comparison, not memory-bound).
 * The "instructions" counter is simulated instructions per second of host
 * time; the "tlbMisses" counter, TLB refills per second, divided by it gives
 * misses per instruction; the machine's TLB hit rate over the measured
 * iterations is printed at the end of the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class MemoryBoundBenchmark {
    static final String PAGES = "1024";
    static final String PASSES = "5000";

    /**
     * The TLB spec (see {@code osbox.hw.mmu.TlbConfig}); ignored when tlbEntries is set. JMH splits
     * {@code -p} values at commas, so on the command line write + for the spec's commas
     * ({@code -p tlb=16x4+refill=software}).
     */
    @Param({"64", "64x4", "64xfull", "256", "256,asid=off", "64x4,refill=software", "4096"})
    public String tlb;

    /** More than 0: a direct-mapped, ASID-tagged, hardware-refilled TLB of this many entries instead of tlb. */
    @Param({"0"})
    public int tlbEntries;

    @Param({"memwalk"})
    public String program;

    private Computer computer;
    private byte[] image;
    private List<String> args;
    private TlbStatistics last = new TlbStatistics(0, 0, 0, 0, 0, 0, 0);
    private TlbStatistics measured = new TlbStatistics(0, 0, 0, 0, 0, 0, 0);
    private long measuredInstructions;

    /** Simulated instructions retired and TLB refills, reported by JMH as rates. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long instructions;
        public long tlbMisses;

        @Setup(Level.Iteration)
        public void reset() {
            instructions = 0;
            tlbMisses = 0;
        }
    }

    @Setup
    public void boot() throws Exception {
        Computer.Options d = Computer.Options.defaults();
        Computer.Options o = new Computer.Options(d.memoryBytes(), d.harts(), d.quantumCycles(),
                d.sliceCycles(), d.trapCycles(), tlbEntries > 0 ? tlbEntries : d.tlbEntries(), d.seed(),
                d.maxProcesses(), d.hostDir(), d.swapBytes());
        computer = Computer.boot(tlbEntries > 0 ? o : o.withTlb(tlb.replace('+', ',')));
        if ("memwalk".equals(program)) {
            image = Programs.load("memwalk");
            args = List.of(PAGES, PASSES);
        } else if ("memtouch".equals(program)) {
            image = Files.readAllBytes(Computer.example(program));
            args = List.of("pages=" + PAGES, "passes=3000", "pattern=loop");
        } else {
            image = Files.readAllBytes(Computer.example(program));
            args = List.of();
        }
    }

    /** Warm-up runs are left out of the printed hit rate: it counts from the first measured run. */
    @Setup(Level.Iteration)
    public void mark() throws Exception {
        measured = new TlbStatistics(0, 0, 0, 0, 0, 0, 0);
        measuredInstructions = 0;
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n  tlb=%s %s: %d accesses, %d refills (%d walks, %d kernel installs), %d set hits,"
                + " %d flushes, hit rate %.3f%%, %.4f refills/instruction%n",
                tlbEntries > 0 ? tlbEntries + " (direct-mapped)" : tlb, program, measured.accesses(),
                measured.misses(), measured.walks(), measured.installs(), measured.setHits(), measured.flushes(),
                measured.hitRate(),
                measuredInstructions == 0 ? 0.0 : (double) measured.misses() / measuredInstructions);
    }

    @TearDown
    public void off() {
        computer.close();
    }

    @Benchmark
    public long run(Counters counters) throws Exception {
        Computer.Result r = computer.run(program, image, args, null);
        if (r.shellStatus() != 0) {
            throw new IllegalStateException(program + " failed: " + r.shellStatus() + ": " + r.killReport());
        }
        TlbStatistics now = r.machine().tlb();
        TlbStatistics delta = new TlbStatistics(now.accesses() - last.accesses(), now.misses() - last.misses(),
                now.walks() - last.walks(), now.faults() - last.faults(), now.flushes() - last.flushes(),
                now.setHits() - last.setHits(), now.installs() - last.installs());
        last = now;
        measured = measured.plus(delta);
        measuredInstructions += r.instructions();
        counters.instructions += r.instructions();
        counters.tlbMisses += delta.misses();
        return r.instructions();
    }
}
