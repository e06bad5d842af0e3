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
import osbox.api.io.BlockRequest;
import osbox.api.io.IoPriorityClass;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.iosched.bfq.BfqProvider;
import osbox.iosched.clook.ClookProvider;
import osbox.iosched.cscan.CscanProvider;
import osbox.iosched.deadline.DeadlineProvider;
import osbox.iosched.look.LookProvider;
import osbox.iosched.noop.NoopProvider;
import osbox.iosched.scan.ScanProvider;
import osbox.iosched.sstf.SstfProvider;
import osbox.testkit.io.FakeIoContext;
import osbox.testkit.io.FakeRequest;

/**
 * One decision of each I/O scheduler on a full queue, without the block
 * layer: the policy is made by its provider with default options and
 * attached (a FakeIoContext of 2^31 sectors, 1 TiB) with {@code queued}
 * requests: reads and writes (one in four) of 8 sectors at spread sectors,
 * from 16 processes of spread best-effort levels. One operation is what the
 * block layer does when the device takes the next request: {@code r =
 * dispatch(head, now)}, the head moves to r's sector, the clock advances
 * 20 000 cycles and a new request arrives ({@code add}); so the queue stays
 * at {@code queued}. Score: ns per decision; O(log n) shows as a slow rise
 * from 10 to 100 000, a scan of the queue as a 10 000-fold one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class IoSchedulerBenchmark {
    /** The eight shipped policies, by the names users choose them by. */
    static final Map<String, Supplier<IoSchedulingPolicyProvider>> PROVIDERS = Map.of(
            "noop", NoopProvider::new,
            "sstf", SstfProvider::new,
            "scan", ScanProvider::new,
            "cscan", CscanProvider::new,
            "look", LookProvider::new,
            "clook", ClookProvider::new,
            "deadline", DeadlineProvider::new,
            "bfq", BfqProvider::new);

    /** The device's size in sectors (1 TiB of 512-byte sectors). */
    static final long CAPACITY = 1L << 31;
    /** Cycles between two dispatches. */
    static final long SERVICE_CYCLES = 20_000;

    @Param({"noop", "sstf", "scan", "cscan", "look", "clook", "deadline", "bfq"})
    public String policy;

    @Param({"10", "1000", "100000"})
    public int queued;

    private IoSchedulingPolicy scheduler;
    private long nextId;
    private long head;
    private long now;

    @Setup(Level.Trial)
    public void attach() {
        scheduler = provider(policy).create(Map.of());
        scheduler.attach(new FakeIoContext(0, CAPACITY), requests(0, queued));
        nextId = queued;
    }

    /** The provider named name; throws IllegalArgumentException for an unknown one. */
    static IoSchedulingPolicyProvider provider(String name) {
        Supplier<IoSchedulingPolicyProvider> p = PROVIDERS.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no such I/O scheduler: " + name + " (known: "
                    + new java.util.TreeSet<>(PROVIDERS.keySet()) + ")");
        }
        return p.get();
    }

    /** n requests with ids from first, in arrival order (arrival = id), spread by a cheap hash of the id. */
    static List<BlockRequest> requests(long first, int n) {
        List<BlockRequest> out = new ArrayList<>(n);
        for (long id = first; id < first + n; id++) {
            out.add(request(id, id));
        }
        return out;
    }

    /** Request id arriving at cycle now: sector, direction, process and level from a hash of the id. */
    static BlockRequest request(long id, long now) {
        long h = (id + 1) * 0x9E3779B97F4A7C15L;
        long sector = ((h >>> 20) % (CAPACITY / 8)) * 8;
        int pid = 1 + (int) ((h >>> 8) & 15);
        FakeRequest r = ((h & 3) == 0 ? FakeRequest.write(id, sector) : FakeRequest.read(id, sector))
                .sectors(8).by(pid).priority(IoPriorityClass.BEST_EFFORT, pid % 8).at(now);
        return r;
    }

    @Benchmark
    public BlockRequest decide() {
        BlockRequest r = scheduler.dispatch(head, now);
        if (r == null) {
            throw new IllegalStateException(policy + " dispatched nothing with " + queued + " requests queued");
        }
        head = r.sector() + r.count() - 1;
        now += SERVICE_CYCLES;
        scheduler.add(request(nextId++, now));
        return r;
    }
}
