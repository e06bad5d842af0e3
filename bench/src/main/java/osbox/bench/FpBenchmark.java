package osbox.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import osbox.harness.Computer;

/**
 * Simulated instructions per second on floating-point code, as
 * {@link CpuBoundBenchmark} measures integer code: each operation runs
 * {@code fpbench.elf} (resources, source beside it; built for RV64GC) on
 * the whole computer. Two cost centres: {@code nbody} (five bodies under
 * gravity: fadd, fsub, fmul, fld and fsd with one fdiv and one fsqrt per
 * pair and step) and {@code dot} (a dot product in fmadd.d, two fld per
 * fmadd); the "instructions" counter (CpuBoundBenchmark's) is simulated
 * instructions per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class FpBenchmark {
    /** nbody's time steps per run: about 50 M instructions. */
    static final String NBODY_STEPS = "100000";
    /** dot's passes over its 256 elements per run: about 50 M instructions. */
    static final String DOT_PASSES = "40000";

    private Computer computer;
    private byte[] image;

    @Setup
    public void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
        image = Programs.load("fpbench");
    }

    @TearDown
    public void off() {
        computer.close();
    }

    @Benchmark
    public long nbody(CpuBoundBenchmark.Counters counters) throws Exception {
        return run(counters, "nbody", NBODY_STEPS);
    }

    @Benchmark
    public long dot(CpuBoundBenchmark.Counters counters) throws Exception {
        return run(counters, "dot", DOT_PASSES);
    }

    // One whole run of the program; its instructions go to the counter.
    private long run(CpuBoundBenchmark.Counters counters, String kernel, String count) throws Exception {
        Computer.Result r = computer.run("fpbench", image, List.of(kernel, count), null);
        if (r.shellStatus() != 0) {
            throw new IllegalStateException("fpbench " + kernel + " failed: " + r.shellStatus() + ": " + r.killReport());
        }
        counters.instructions += r.instructions();
        return r.instructions();
    }
}
