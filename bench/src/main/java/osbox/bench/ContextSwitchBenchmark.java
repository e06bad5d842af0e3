package osbox.bench;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
import osbox.api.kernel.ProcessView;
import osbox.harness.Computer;
import osbox.kernel.core.KernelCore;

/**
 * Context switch on the whole computer (one hart): each operation spawns two
 * {@code yield.elf} processes (resources, source beside it) in one machine
 * task, so neither runs before both exist; each calls sched_yield
 * {@value #YIELDS} times, and every call hands the hart to the other. The
 * score is host ns per switch; a switch here is a whole sched_yield round
 * trip (ecall, trap, kernel, dispatcher switch-out/in, a different
 * HartContext and ASID on the hart). Subtract SyscallBenchmark's figure for
 * the switch alone. The dispatcher's own count is checked after each run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ContextSwitchBenchmark {
    static final int YIELDS = 100_000;

    private Computer computer;
    private KernelCore kernel;
    private byte[] image;

    @Setup
    public void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
        kernel = computer.kernel();
        image = Programs.load("yield");
    }

    @TearDown
    public void off() {
        computer.close();
    }

    @Benchmark
    @OperationsPerInvocation(2 * YIELDS)
    public long pingPong() throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        int[] failed = new int[1];
        List<String> argv = List.of("yield", Integer.toString(YIELDS));
        long before = computer.machine().call(() -> kernel.dispatcher().contextSwitches());
        Consumer<ProcessView> exit = computer.machine().call(() -> {
            int a = kernel.spawn("yield", image, argv, List.of());
            int b = kernel.spawn("yield", image, argv, List.of());
            Consumer<ProcessView> l = v -> {
                if (v.pid() == a || v.pid() == b) {
                    if (v.waitStatus() != 0) {
                        failed[0] = v.waitStatus();
                    }
                    done.countDown();
                }
            };
            kernel.addExitListener(l);
            return l;
        });
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("yield processes did not finish");
        }
        long switches = computer.machine().call(() -> {
            kernel.removeExitListener(exit);
            return kernel.dispatcher().contextSwitches();
        }) - before;
        if (failed[0] != 0 || switches < 2L * YIELDS) {
            throw new IllegalStateException("wait status " + failed[0] + ", " + switches + " switches");
        }
        return switches;
    }
}
