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
import osbox.harness.Computer;

/**
 * Simulated instructions per second on the CPU-bound example (checksum):
 * each operation runs the whole program on the whole computer (kernel,
 * timer interrupts and all); the "instructions" counter reports simulated
 * instructions per second of host time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class CpuBoundBenchmark {
    /** checksum's iteration count per run: 20 M iterations are about 200 M instructions, so the
     *  per-run cost (spawn, console connect, exit) is well under 1% of an operation. */
    @Param({"20000000"})
    public String iterations;

    private Computer computer;
    private byte[] image;

    /** Simulated instructions retired, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long instructions;

        @Setup(Level.Iteration)
        public void reset() {
            instructions = 0;
        }
    }

    @Setup
    public void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
        image = Files.readAllBytes(Computer.example("checksum"));
    }

    @TearDown
    public void off() {
        computer.close();
    }

    @Benchmark
    public long checksum(Counters counters) throws Exception {
        Computer.Result r = computer.run("checksum", image, List.of(iterations), null);
        if (r.shellStatus() != 0) {
            throw new IllegalStateException("checksum failed: " + r.shellStatus() + ": " + r.killReport());
        }
        counters.instructions += r.instructions();
        return r.instructions();
    }
}
