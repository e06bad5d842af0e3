package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.ops4j.pax.exam.util.Filter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.policy.PolicyControl;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.sched.StopReason;

/**
 * A third-party policy that breaks while programs run is ejected, as
 * sched_ext ejects a BPF scheduler: the built-in policy takes over and
 * every program completes; the ejection is reported.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicyEjectionIT extends ProgramTestSupport {
    @Inject
    @Filter("(" + PolicyControl.KIND + "=" + SchedulingPolicyProvider.KIND + ")")
    PolicyControl control;

    /** Round robin that throws from pick once it has picked a few times. */
    static final class ThrowingPolicy implements SchedulingPolicy {
        private final List<SchedTask> queue = new ArrayList<>();
        private int picks;

        @Override
        public void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] running) {
            queue.addAll(runnable);
        }

        @Override
        public void enqueue(SchedTask task, EnqueueReason reason) {
            queue.add(task);
        }

        @Override
        public void dequeue(SchedTask task) {
            queue.remove(task);
        }

        @Override
        public SchedTask pick(int hart) {
            if (++picks > 5) {
                throw new IllegalStateException("this policy is broken on purpose");
            }
            return queue.isEmpty() ? null : queue.remove(0);
        }

        @Override
        public long slice(SchedTask task, int hart) {
            return 20_000;
        }

        @Override
        public void ran(SchedTask task, long cycles, StopReason reason) {
        }
    }

    @Test
    public void aBrokenPolicyIsEjectedAndEveryProgramCompletes() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(SchedulingPolicyProvider.NAME, "broken-it");
        ServiceRegistration<SchedulingPolicyProvider> reg = context.registerService(SchedulingPolicyProvider.class,
                new SchedulingPolicyProvider() {
                    @Override
                    public String describe() {
                        return "throws after five picks";
                    }

                    @Override
                    public Map<String, String> defaults() {
                        return Map.of();
                    }

                    @Override
                    public SchedulingPolicy create(Map<String, String> options) {
                        return new ThrowingPolicy();
                    }
                }, props);
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (control.policies().stream().noneMatch(p -> p.name().equals("broken-it"))) {
                assertTrue("the provider arrives", System.currentTimeMillis() < deadline);
                Thread.sleep(5);
            }
            int ejectionsBefore = control.ejections().size();
            assertTrue(control.use("broken-it", Map.of()));
            List<ProgramRunner.Started> started = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                started.add(runner.start(ProgramRunner.example("checksum"), Integer.toString(50_000 + i)));
            }
            for (ProgramRunner.Started s : started) {
                ProgramRunner.Run r = runner.await(s);
                assertEquals(r.describe(), 0, r.shellStatus());
            }
            List<PolicyControl.Ejection> ejections = control.ejections();
            assertEquals(ejectionsBefore + 1, ejections.size());
            PolicyControl.Ejection e = ejections.get(ejections.size() - 1);
            assertEquals("broken-it", e.policy());
            assertTrue(e.reason(), e.reason().contains("broken on purpose"));
            assertEquals(PolicyControl.BUILTIN, control.active());
        } finally {
            reg.unregister();
            control.use(PolicyControl.BUILTIN, Map.of());
        }
    }
}
