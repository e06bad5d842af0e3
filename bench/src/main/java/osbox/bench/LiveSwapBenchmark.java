package osbox.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import osbox.api.sched.TaskAttributes;
import osbox.harness.Computer;
import osbox.kernel.core.KernelCore;

/**
 * A live policy swap on the whole computer (one hart) with
 * {@value #PROCESSES} runnable processes: setup spawns them in one machine
 * task ({@code yield.elf} with a count no run reaches, so every one stays
 * runnable for good; varied nice, priority and tickets), under the first
 * policy of {@code policies}. One operation is one
 * {@code dispatcher().select(next)}: the old policy detaches and the new one
 * is created and seeded with every runnable task (attach), then the idle
 * hart is kicked. Each benchmark call makes {@value #SWAPS} swaps inside ONE
 * machine task, cycling through {@code policies}, so no simulated
 * instruction runs between them and the score is host time of swaps, with
 * the one machine.call round trip (at most one 100 000-cycle window of the
 * running processes) spread over them. Between calls the machine runs the
 * processes (they yield to each other), so every call starts from a live
 * run queue. Each swap is also timed with System.nanoTime inside the task;
 * the distribution per target policy is printed at the end of the trial.
 * Score: ms per swap (aim: under 10 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class LiveSwapBenchmark {
    static final int PROCESSES = 10_000;
    static final int SWAPS = 20;
    /** Frames a spawned yield.elf holds: 8 (32 KiB: code, data, stack, page tables). */
    static final long MEMORY = 512L << 20;

    /**
     * Policy names separated by '+' (JMH's -p splits values at commas); swaps
     * cycle through them, the first is active at spawn time. One name swaps
     * to a fresh instance of the same policy each time (select always makes
     * and seeds a new one).
     */
    @Param({"cfs+stride"})
    public String policies;

    private Computer computer;
    private KernelCore kernel;
    private String[] names;
    private int next;
    private final Map<String, List<Long>> times = new LinkedHashMap<>();

    @Setup
    public void spawn() throws Exception {
        names = policies.split("[+,]");
        computer = Computer.boot(Computer.Options.defaults().withMaxProcesses(PROCESSES + 1).withMemory(MEMORY));
        kernel = computer.kernel();
        byte[] image = Programs.load("yield");
        List<String> argv = List.of("yield", Long.toString(Long.MAX_VALUE / 2));
        int ready = computer.machine().call(() -> {
            if (!kernel.dispatcher().select(names[0], Map.of())) {
                throw new IllegalStateException("no policy " + names[0]);
            }
            for (int i = 1; i <= PROCESSES; i++) {
                long h = (i * 0x9E3779B97F4A7C15L) >>> 17;
                TaskAttributes a = new TaskAttributes((int) (h % 40) - 20, (int) ((h >>> 8) % 40),
                        1 + (int) ((h >>> 16) % 400), -1, -1);
                kernel.spawn("yield", image, argv, List.of(), a);
            }
            return kernel.dispatcher().readyCount();
        });
        if (ready != PROCESSES) {
            throw new IllegalStateException(ready + " runnable after spawning " + PROCESSES);
        }
        next = 1 % names.length;
        for (String n : names) {
            times.put(n, new ArrayList<>());
        }
    }

    @TearDown
    public void off() throws Exception {
        int ready = computer.machine().call(() -> kernel.dispatcher().readyCount());
        computer.close();
        StringBuilder b = new StringBuilder("\nswap host time by target policy (nanoTime inside the machine task, all"
                + " iterations incl. warm-up), " + ready + " runnable at the end:\n");
        for (Map.Entry<String, List<Long>> e : times.entrySet()) {
            long[] t = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            if (t.length == 0) {
                continue;
            }
            b.append(String.format("  %-9s n=%6d  min %7.3f  median %7.3f  mean %7.3f  p99 %7.3f  max %7.3f ms%n",
                    e.getKey(), t.length, t[0] / 1e6, t[t.length / 2] / 1e6,
                    Arrays.stream(t).average().orElse(0) / 1e6, t[(int) (t.length * 0.99)] / 1e6,
                    t[t.length - 1] / 1e6));
        }
        System.out.print(b);
    }

    @Benchmark
    @OperationsPerInvocation(SWAPS)
    public int swap() throws Exception {
        return computer.machine().call(() -> {
            int ready = 0;
            for (int i = 0; i < SWAPS; i++) {
                String name = names[next];
                next = (next + 1) % names.length;
                long t0 = System.nanoTime();
                boolean active = kernel.dispatcher().select(name, Map.of());
                long dt = System.nanoTime() - t0;
                if (!active || !kernel.dispatcher().slot().activeName().equals(name)) {
                    throw new IllegalStateException("swap to " + name + " did not take");
                }
                times.get(name).add(dt);
                ready = kernel.dispatcher().readyCount();
                if (ready < PROCESSES - 1) {
                    throw new IllegalStateException(ready + " runnable");
                }
            }
            return ready;
        });
    }
}
