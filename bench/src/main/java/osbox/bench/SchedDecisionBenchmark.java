package osbox.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import org.openjdk.jmh.annotations.Warmup;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.sched.StopReason;
import osbox.sched.cfs.CfsProvider;
import osbox.sched.fifo.FifoProvider;
import osbox.sched.lottery.LotteryProvider;
import osbox.sched.mlfq.MlfqProvider;
import osbox.sched.priority.PriorityProvider;
import osbox.sched.rr.RoundRobinProvider;
import osbox.sched.sjf.SjfProvider;
import osbox.sched.stcf.StcfProvider;
import osbox.sched.stride.StrideProvider;
import osbox.testkit.sched.FakeContext;
import osbox.testkit.sched.FakeTask;

/**
 * One scheduling decision of each policy on a busy run queue, without the
 * kernel: the policy is made by its provider with default options and
 * attached (FakeContext, one hart) with {@code tasks} runnable FakeTasks of
 * varied nice, priority, tickets and hints. One operation is what the
 * dispatcher does when a slice ends: the clock advances, {@code t = pick(0)},
 * {@code slice(t, 0)}, the task is charged the cycles it ran,
 * {@code ran(t, cycles, SLICE_EXPIRED or PREEMPTED)} (alternately) and
 * {@code enqueue(t, PREEMPTED)}; so the queue stays at {@code tasks}
 * entries. Periodic {@code tick()} work (MLFQ boost, priority aging) is not
 * part of it. Score: ns per decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SchedDecisionBenchmark {
    /** The nine policies, by the names users choose them by. */
    static final Map<String, Supplier<SchedulingPolicyProvider>> PROVIDERS = Map.of(
            "fifo", FifoProvider::new,
            "sjf", SjfProvider::new,
            "stcf", StcfProvider::new,
            "rr", RoundRobinProvider::new,
            "priority", PriorityProvider::new,
            "mlfq", MlfqProvider::new,
            "lottery", LotteryProvider::new,
            "stride", StrideProvider::new,
            "cfs", CfsProvider::new);

    @Param({"fifo", "sjf", "stcf", "rr", "priority", "mlfq", "lottery", "stride", "cfs"})
    public String policy;

    @Param({"10", "1000", "100000"})
    public int tasks;

    private SchedulingPolicy scheduler;
    private FakeContext context;
    private long step;

    @Setup(Level.Trial)
    public void attach() {
        Supplier<SchedulingPolicyProvider> provider = PROVIDERS.get(policy);
        if (provider == null) {
            throw new IllegalArgumentException("no such policy: " + policy);
        }
        scheduler = provider.get().create(Map.of());
        context = new FakeContext(1, 42L);
        scheduler.attach(context, tasks(tasks), new SchedTask[1]);
    }

    /** n tasks, ids 1..n, with attributes spread by cheap hashes of the id so every policy has an order. */
    static List<SchedTask> tasks(int n) {
        List<SchedTask> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            long h = (i * 0x9E3779B97F4A7C15L) >>> 17;
            out.add(new FakeTask(i)
                    .nice((int) (h % 40) - 20)
                    .priority((int) ((h >>> 8) % 40))
                    .tickets(1 + (int) ((h >>> 16) % 400))
                    .lengthHint(1_000_000L * (1 + (h >>> 24) % 1000))
                    .burstHint(10_000L * (1 + (h >>> 34) % 500))
                    .arrival(i));
        }
        return out;
    }

    @Benchmark
    public SchedTask decide() {
        long s = step++;
        // 10 000 .. 75 535 cycles: a slice or a preemption somewhere inside one
        long cycles = 10_000 + ((s * 0x9E3779B97F4A7C15L) >>> 48);
        context.advance(cycles);
        SchedTask t = scheduler.pick(0);
        if (t == null) {
            throw new IllegalStateException(policy + " left the hart idle with " + tasks + " tasks queued");
        }
        scheduler.slice(t, 0);
        ((FakeTask) t).lastHart(0).addRuntime(cycles);
        scheduler.ran(t, cycles, (s & 1) == 0 ? StopReason.SLICE_EXPIRED : StopReason.PREEMPTED);
        scheduler.enqueue(t, EnqueueReason.PREEMPTED);
        return t;
    }
}
