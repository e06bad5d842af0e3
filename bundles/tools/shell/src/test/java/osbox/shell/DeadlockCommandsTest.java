package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.DeadlockDetection;

/** deadlock:list, deadlock:use and ipc:deadlocks over a detector that holds what it is given. */
class DeadlockCommandsTest {
    /** A detector with a policy and a list of findings. */
    static final class FakeDetection implements DeadlockDetection {
        String policy = "report";
        final List<Found> found = new ArrayList<>();

        @Override
        public String policy() {
            return policy;
        }

        @Override
        public void use(String name) {
            if (!POLICIES.contains(name)) {
                throw new IllegalArgumentException("no deadlock policy '" + name + "' (known: none, report, break, kill)");
            }
            policy = name;
        }

        @Override
        public List<Found> deadlocks() {
            return List.copyOf(found);
        }
    }

    @Test
    void listMarksTheActivePolicyAndUseSwapsIt() {
        FakeDetection d = new FakeDetection();
        DeadlockCommands c = new DeadlockCommands(d);
        assertEquals("deadlock:use: break from the next wait on", c.useText("break"));
        assertEquals("break", d.policy);
        assertEquals("deadlock:use: no deadlock policy 'ostrich' (known: none, report, break, kill)",
                c.useText("ostrich"));
        String list = c.listText();
        assertEquals("NAME    ACTIVE  DESCRIPTION", list.lines().findFirst().orElseThrow());
        assertEquals("break   *       report, and refuse the wait that closed the cycle: the call fails with EDEADLK",
                list.lines().filter(l -> l.startsWith("break")).findFirst().orElseThrow());
    }

    @Test
    void deadlocksShowsTheTableAndEachCycle() {
        FakeDetection d = new FakeDetection();
        IpcDeadlockCommands c = new IpcDeadlockCommands(d);
        assertEquals("no deadlock found (policy report)\n", c.deadlocksText());
        d.found.add(new DeadlockDetection.Found(1, 1234, false, List.of(3, 4),
                "pid 3 (a) waits for pipe:[1] (data, from its writers), held by pid 4 (b); pid 4 (b) waits for"
                        + " pipe:[0] (data, from its writers), held by pid 3 (a)", "reported"));
        d.found.add(new DeadlockDetection.Found(2, 99999, true, List.of(7), "pid 7 (c) waits for pipe:[2]"
                + " (data, from its writers), held by pid 7 (c)", "refused pid 7's wait with EDEADLK"));
        assertEquals("NUMBER  CYCLE  STATE    PIDS  ACTION\n"
                + "     1   1234  past     3,4   reported\n"
                + "     2  99999  current  7     refused pid 7's wait with EDEADLK\n"
                + "deadlock 1: pid 3 (a) waits for pipe:[1] (data, from its writers), held by pid 4 (b); pid 4 (b)"
                + " waits for pipe:[0] (data, from its writers), held by pid 3 (a)\n"
                + "deadlock 2: pid 7 (c) waits for pipe:[2] (data, from its writers), held by pid 7 (c)\n",
                c.deadlocksText());
    }
}
