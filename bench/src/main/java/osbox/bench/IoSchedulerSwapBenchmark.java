package osbox.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import osbox.api.io.BlockRequest;
import osbox.api.io.IoSchedulingPolicy;
import osbox.testkit.io.FakeIoContext;

/**
 * A live I/O-scheduler swap at the policy level, as the block layer's slot
 * does it at a safe point: the policy in place is detached and a fresh
 * {@code to} (made by its provider with default options) is attached,
 * seeded with {@code queued} requests in arrival order (those of
 * {@link IoSchedulerBenchmark}). The block layer's own share (collecting
 * its queue, the watchdog) is not in it. Score: microseconds per swap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class IoSchedulerSwapBenchmark {
    @Param({"noop", "sstf", "scan", "cscan", "look", "clook", "deadline", "bfq"})
    public String to;

    @Param({"10000"})
    public int queued;

    private List<BlockRequest> requests;
    private FakeIoContext context;
    private IoSchedulingPolicy current;

    @Setup(Level.Trial)
    public void seed() {
        requests = IoSchedulerBenchmark.requests(0, queued);
        context = new FakeIoContext(0, IoSchedulerBenchmark.CAPACITY);
        current = IoSchedulerBenchmark.provider("noop").create(Map.of());
        current.attach(context, requests);
    }

    @Benchmark
    public IoSchedulingPolicy swap() {
        current.detach();
        IoSchedulingPolicy next = IoSchedulerBenchmark.provider(to).create(Map.of());
        next.attach(context, requests);
        current = next;
        return next;
    }
}
