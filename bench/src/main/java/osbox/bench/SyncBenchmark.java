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
 * Futexes, a thread switch against a process switch, and a POSIX
 * message-queue round trip, on the whole computer (one hart, the ipc
 * bundles bound): each operation runs {@code syncbench.elf MODE N}
 * (resources, source beside it, a static glibc program) with N =
 * {@value #ROUNDS}:
 * <ul>
 * <li>{@code uncontended}: a FUTEX_WAIT that finds the word changed
 * (EAGAIN) and a FUTEX_WAKE that finds no waiter, the system calls of an
 * uncontended lock and unlock;</li>
 * <li>{@code threads}: two threads ping-pong through a private futex (two
 * waits that sleep, two wakes, two thread switches a round trip);</li>
 * <li>{@code processes}: the same between two processes through a shared
 * futex in a MAP_SHARED page (two process switches);</li>
 * <li>{@code mq}: a 16-byte message there and back between two processes
 * over two POSIX queues.</li>
 * </ul>
 * The score is host ns per pair or round trip, the program's start and exit
 * spread over the rounds. docs/performance.md compares it with the same C
 * program run natively.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SyncBenchmark {
    static final int ROUNDS = 20_000;

    @Param({"uncontended", "threads", "processes", "mq"})
    public String mode;

    private Computer computer;
    private byte[] image;
    private String expected;

    @Setup
    public void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
        image = Programs.load("syncbench");
        expected = ROUNDS + (mode.equals("uncontended") ? " pairs\n" : " round trips\n");
    }

    @TearDown
    public void off() {
        computer.close();
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public int rounds() throws Exception {
        Computer.Result r = computer.run("syncbench", image, List.of(mode, Integer.toString(ROUNDS)), null);
        // the console carries stderr too: the guest's own figure (simulated ns) follows
        if (r.shellStatus() != 0 || !r.stdoutText().startsWith(expected)) {
            throw new IllegalStateException("syncbench " + mode + ": status " + r.shellStatus() + ", " + r.stdoutText());
        }
        return r.shellStatus();
    }
}
