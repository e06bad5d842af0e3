package osbox.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;
import osbox.block.DeviceDriver;
import osbox.block.Request;
import osbox.block.queue.BlockLayerCore;
import osbox.iosched.deadline.DeadlineProvider;
import osbox.iosched.sstf.SstfProvider;

/**
 * The block layer's mechanism on its own (no machine): {@code request} is
 * one read through it, submit (checks, merge lookups, a new Request) ->
 * SSTF's add -> dispatch (the policy's choice, checked) -> a driver that
 * completes when told -> the I/O's completion; {@code swap} is a live
 * I/O-scheduler swap (sstf <-> deadline) with {@value #QUEUED} requests
 * queued behind one that never completes: each swap detaches the old policy
 * and attaches a fresh one seeded with all of them in arrival order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BlockLayerBenchmark {
    static final int QUEUED = 10_000;

    /** A driver that holds the request started until {@link #finish}. */
    static final class HeldDriver implements DeviceDriver {
        Request current;
        Done done;

        @Override
        public void start(Request request, Done whenDone) {
            current = request;
            done = whenDone;
        }

        void finish(long now) {
            Request r = current;
            current = null;
            done.completed(r, 0, now);
        }

        @Override
        public boolean idle() {
            return current == null;
        }

        @Override
        public Map<String, Long> counters() {
            return Map.of();
        }
    }

    private long now;
    private long completed;
    private HeldDriver driver;
    private BlockLayerCore layer;
    private BlockIo[] reads;
    private int next;

    @Setup(Level.Trial)
    public void boot() {
        driver = new HeldDriver();
        layer = new BlockLayerCore(() -> now, 1_000_000_000L, null, 0);
        layer.addDevice("vda", 1L << 30, false, driver);
        layer.slot().addProvider("sstf", new SstfProvider());
        layer.slot().addProvider("deadline", new DeadlineProvider());
        layer.slot().select("sstf", Map.of());
        // 1024 reads far apart (no merges), reused in turn
        reads = new BlockIo[1024];
        for (int i = 0; i < reads.length; i++) {
            reads[i] = new BlockIo(0, IoOperation.READ, (long) ((i * 7919) % 1024) * 4096, 8, new long[] {0x10000},
                    new int[] {4096}, 0, 1, 1, 0, (io, errno) -> completed++);
        }
    }

    /** One read, submit to completion; ns per request. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long request() {
        layer.submit(reads[next++ & 1023]);
        now += 1000;
        driver.finish(now);
        return completed;
    }

    /** State for the swap: 10 000 requests queued behind one that never completes. */
    @State(Scope.Thread)
    public static class Queued {
        BlockLayerCore layer;
        boolean toDeadline;

        @Setup(Level.Trial)
        public void fill() {
            layer = new BlockLayerCore(() -> 0, 1_000_000_000L, null, 0);
            layer.addDevice("vda", 1L << 30, false, new HeldDriver());
            layer.slot().addProvider("sstf", new SstfProvider());
            layer.slot().addProvider("deadline", new DeadlineProvider());
            layer.slot().select("sstf", Map.of());
            for (int i = 0; i <= QUEUED; i++) {
                layer.submit(new BlockIo(0, i % 3 == 0 ? IoOperation.WRITE : IoOperation.READ,
                        (long) ((i * 7919L) % (QUEUED + 1)) * 64, 8, new long[] {0x10000}, new int[] {4096}, 0, 1, 1, 0,
                        (io, errno) -> { }));
            }
            if (layer.queue(0).depth() != QUEUED) {
                throw new IllegalStateException("queued " + layer.queue(0).depth());
            }
        }
    }

    /** One live swap with 10 000 queued requests, alternating sstf and deadline; us per swap. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean swap(Queued q) {
        q.toDeadline = !q.toDeadline;
        return q.layer.slot().select(q.toDeadline ? "deadline" : "sstf", Map.of());
    }
}
