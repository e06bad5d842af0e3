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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import osbox.harness.Computer;

/**
 * IPC ping-pong on the whole computer (one hart, the ipc bundles bound):
 * each operation runs {@code pingpong.elf MODE N} (resources, source
 * beside it, a static glibc program), a parent and its child sending one
 * byte there and back {@value #ROUND_TRIPS} times over two pipes
 * ({@code pipe}) or one SOCK_STREAM socketpair ({@code unix}). The score
 * is host ns per round trip: two writes, two reads, two sleeps and wake-ups
 * and two context switches, plus the program's start and exit spread over
 * the round trips. docs/performance.md compares it with the same C program
 * run natively.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class IpcPingPongBenchmark {
    static final int ROUND_TRIPS = 20_000;

    @Param({"pipe", "unix"})
    public String mode;

    private Computer computer;
    private byte[] image;

    @Setup
    public void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
        image = Programs.load("pingpong");
    }

    @TearDown
    public void off() {
        computer.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public int pingPong() throws Exception {
        Computer.Result r = computer.run("pingpong", image, List.of(mode, Integer.toString(ROUND_TRIPS)), null);
        // the console carries stderr too: the guest's own figure (simulated ns per round trip) follows
        if (r.shellStatus() != 0 || !r.stdoutText().startsWith(ROUND_TRIPS + " round trips\n")) {
            throw new IllegalStateException("pingpong " + mode + ": status " + r.shellStatus() + ", " + r.stdoutText());
        }
        return r.shellStatus();
    }
}
