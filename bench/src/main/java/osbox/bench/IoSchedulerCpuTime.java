package osbox.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The I/O-scheduler benchmarks' operations timed by the thread's CPU time
 * instead of JMH's wall clock, to see through a loaded machine: for each
 * policy and queue size, {@link IoSchedulerBenchmark#decide} 300,000 times
 * to warm up, then the best of 5 rounds of 200,000 (ns per decision); and
 * {@link IoSchedulerSwapBenchmark#swap} with 10,000 queued, 200 to warm up,
 * then the best of 5 rounds of 50 (us per swap). Run:
 * {@code java -cp bench/target/benchmarks.jar osbox.bench.IoSchedulerCpuTime}.
 */
public final class IoSchedulerCpuTime {
    private static final String[] POLICIES = {"noop", "sstf", "scan", "cscan", "look", "clook", "deadline", "bfq"};

    private IoSchedulerCpuTime() {
    }

    /** Prints one line per policy: decisions at 10, 1,000, 100,000 queued (ns), then the swap (us). */
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("policy  ns@10  ns@1000  ns@100000  swap-us@10000");
        for (String p : POLICIES) {
            StringBuilder line = new StringBuilder(p);
            for (int n : new int[] {10, 1000, 100_000}) {
                IoSchedulerBenchmark b = new IoSchedulerBenchmark();
                b.policy = p;
                b.queued = n;
                b.attach();
                line.append(' ').append(best(mx, 300_000, 200_000, b::decide));
            }
            IoSchedulerSwapBenchmark s = new IoSchedulerSwapBenchmark();
            s.to = p;
            s.queued = 10_000;
            s.seed();
            line.append(' ').append(best(mx, 200, 50, s::swap) / 1000);
            System.out.println(line);
        }
    }

    /** ns of CPU time per call of op: warm-up calls, then the best of 5 rounds of {@code round} calls. */
    private static long best(ThreadMXBean mx, int warmUp, int round, Runnable op) {
        for (int i = 0; i < warmUp; i++) {
            op.run();
        }
        long best = Long.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < round; i++) {
                op.run();
            }
            best = Math.min(best, (mx.getCurrentThreadCpuTime() - t0) / round);
        }
        return best;
    }
}
