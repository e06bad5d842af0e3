package osbox.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import osbox.harness.Computer;

/**
 * Syscall round trip on the whole computer: each operation runs
 * {@code getpid.elf} (resources, source beside it), which makes
 * {@value #CALLS} getpid calls in a loop, and the score is host ns per call:
 * ecall, the machine loop's trap dispatch, the kernel's trap table and
 * syscall table, the handler, and back to the hart, plus the loop's 4-5 user
 * instructions. The program's spawn and exit are included but spread over
 * the calls (one run is tens of ms, a spawn well under one).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SyscallBenchmark {
    static final int CALLS = 200_000;

    private Computer computer;
    private byte[] image;

    @Setup
    public void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
        image = Programs.load("getpid");
    }

    @TearDown
    public void off() {
        computer.close();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long getpid() throws Exception {
        Computer.Result r = computer.run("getpid", image, List.of(Integer.toString(CALLS)), null);
        if (r.shellStatus() != 0) {
            throw new IllegalStateException("getpid failed: " + r.shellStatus() + ": " + r.killReport());
        }
        return r.instructions();
    }
}
