package osbox.policy.support.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.StopReason;
import osbox.testkit.sched.FakeContext;
import osbox.testkit.sched.FakeTask;

/**
 * A tiny one-hart mechanism for policy tests: CPU-bound tasks run whole slices
 * round after round. Shared with the policy bundles' tests through this
 * module's test jar ({@code <type>test-jar</type>}, scope test).
 */
public final class Loop {
    private Loop() {
    }

    /**
     * Runs the already attached policy on hart 0 for about {@code cycles} (the
     * tasks must be FakeTasks); returns CPU cycles per task id.
     */
    public static Map<Integer, Long> run(SchedulingPolicy p, FakeContext c, long cycles) {
        Map<Integer, Long> cpu = new TreeMap<>();
        long end = c.now() + cycles;
        while (c.now() < end) {
            SchedTask t = p.pick(0);
            if (t == null) {
                break;
            }
            long slice = Math.min(p.slice(t, 0), end - c.now());
            c.advance(slice);
            ((FakeTask) t).addRuntime(slice).lastHart(0);
            cpu.merge(t.id(), slice, Long::sum);
            p.ran(t, slice, StopReason.SLICE_EXPIRED);
            p.enqueue(t, EnqueueReason.PREEMPTED);
        }
        return cpu;
    }

    /** Attaches the policy with these runnable tasks and nothing running. */
    public static void attach(SchedulingPolicy p, FakeContext c, List<? extends SchedTask> tasks) {
        p.attach(c, List.copyOf(tasks), new SchedTask[c.harts()]);
    }
}
