package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.ops4j.pax.exam.util.Filter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;
import osbox.api.policy.PolicyControl;
import osbox.api.sched.SchedulingPolicyProvider;

/**
 * The scheduling policy is changed again and again, in every way there is,
 * while a workload of short processes runs: through PolicyControl.use,
 * through Config Admin (PID osbox.sched), and by stopping, starting, updating,
 * uninstalling and reinstalling the active policy's bundle. Every process
 * ends once, with its own status and output; no policy is ejected.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicySwapIT extends ProgramTestSupport {

    /** Batches of processes; the policy changes three ways during each. */
    static final int BATCHES = 17;
    /**
     * Processes per batch: half exitcode.elf, half checksum.elf (under the
     * kernel's 128); the last checksum of a batch runs about 4 million
     * instructions, the others 10 000 to a few hundred thousand.
     */
    static final int PER_BATCH = 60;
    /** Ways of changing the policy, used in turn. */
    static final int WAYS = 6;
    /** Host time a bounded poll may take (Config Admin and SCR deliver on their own threads). */
    static final long POLL_MILLIS = 10_000;

    /** Valid options for some policies, so options travel through every way too. */
    static final Map<String, Map<String, String>> OPTIONS = Map.of(
            "rr", Map.of("quantum", "5000"),
            "mlfq", Map.of("queues", "4", "quantum", "20000"),
            "cfs", Map.of("latency", "2000000"),
            "lottery", Map.of("quantum", "50000"),
            "stride", Map.of("quantum", "50000"),
            "priority", Map.of("quantum", "50000"),
            "sjf", Map.of("initial", "50000"));

    @Inject
    @Filter("(" + PolicyControl.KIND + "=" + SchedulingPolicyProvider.KIND + ")")
    PolicyControl control;

    @Inject
    ConfigurationAdmin configurationAdmin;

    /** A process of the workload: what it must end with. */
    record Expected(List<String> argv, int waitStatus) {
    }

    @Test
    public void everyPolicyIsListedWithTheBuiltinOne() throws Exception {
        List<String> expected = new ArrayList<>(POLICIES);
        Collections.sort(expected);
        expected.add(0, PolicyControl.BUILTIN);
        List<String> names = awaitValue(this::policyNames, expected);
        assertEquals(expected, names);
        for (PolicyControl.Policy p : control.policies()) {
            assertNotNull(p.name() + " describes itself", p.description());
            assertFalse(p.name() + " describes itself", p.description().isBlank());
        }
    }

    @Test
    public void processesAllEndRightWhileThePolicyChangesInEveryWay() throws Exception {
        awaitValue(() -> policyNames().size(), POLICIES.size() + 1);
        byte[] exitcode = Files.readAllBytes(ProgramRunner.example("exitcode"));
        byte[] checksum = Files.readAllBytes(ProgramRunner.example("checksum"));
        String exitcodePath = ProgramRunner.example("exitcode").toString();
        String checksumPath = ProgramRunner.example("checksum").toString();

        // Every exit of a process of ours, counted per pid, copied on the simulation thread.
        Map<Integer, Expected> expected = new ConcurrentHashMap<>();
        Map<Integer, List<ProcessEnd>> ends = new ConcurrentHashMap<>();
        Map<Integer, CountDownLatch> done = new ConcurrentHashMap<>();
        AtomicInteger foreignExits = new AtomicInteger();
        Consumer<ProcessView> listener = v -> {
            if (!expected.containsKey(v.pid())) {
                foreignExits.incrementAndGet();
                return;
            }
            ends.computeIfAbsent(v.pid(), k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new ProcessEnd(List.copyOf(v.argv()), v.waitStatus(), v.killReport()));
            done.get(v.pid()).countDown();
        };
        machine.call(() -> {
            processes.addExitListener(listener);
            return null;
        });

        long swapsBefore = control.swaps();
        List<String> expectedLines = new ArrayList<>();
        List<Integer> spawnedPids = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        int changesWithLiveProcesses = 0;
        int step = 0;
        try {
            for (int batch = 0; batch < BATCHES; batch++) {
                // The batch: spawned in one task on the simulation thread, pids recorded before any can exit.
                List<Integer> pids = new ArrayList<>();
                List<String[]> argvs = new ArrayList<>();
                for (int i = 0; i < PER_BATCH; i++) {
                    int n = batch * PER_BATCH + i;
                    if (i % 2 == 0) {
                        argvs.add(new String[] {exitcodePath, Integer.toString((n * 7) % 250)});
                    } else {
                        // short ones, and a longer last one, so that the changes find processes running
                        long iterations = i == PER_BATCH - 1 ? 400_000 + n : 1000 + n * 37L;
                        argvs.add(new String[] {checksumPath, Long.toString(iterations)});
                        expectedLines.add(SyscallBundleSwapIT.checksumLine(iterations));
                    }
                }
                machine.call(() -> {
                    for (String[] argv : argvs) {
                        boolean isExitcode = argv[0].equals(exitcodePath);
                        int pid = processes.spawn(argv[0], isExitcode ? exitcode : checksum, List.of(argv),
                                ProgramRunner.ENVP);
                        expected.put(pid, new Expected(List.of(argv),
                                WaitStatus.exited(isExitcode ? Integer.parseInt(argv[1]) : 0)));
                        done.put(pid, new CountDownLatch(1));
                        pids.add(pid);
                    }
                    return null;
                });
                spawnedPids.addAll(pids);

                // Three changes of policy while the batch runs.
                for (int c = 0; c < 3; c++, step++) {
                    if (liveProcesses(pids) > 0) {
                        changesWithLiveProcesses++;
                    }
                    String name = POLICIES.get(step % POLICIES.size());
                    changes.add(change(step % WAYS, name));
                }

                for (int pid : pids) {
                    assertTrue("pid " + pid + " " + expected.get(pid).argv() + " ended within "
                            + ProgramRunner.TIMEOUT_SECONDS + " s (policy " + control.active() + ")",
                            done.get(pid).await(ProgramRunner.TIMEOUT_SECONDS, TimeUnit.SECONDS));
                }
            }
        } finally {
            machine.call(() -> {
                processes.removeExitListener(listener);
                return null;
            });
        }

        // None lost, none twice, each with its own status.
        int total = BATCHES * PER_BATCH;
        assertTrue("at least 1000 processes: " + total, total >= 1000);
        assertEquals("pids are unique", total, new HashSet<>(spawnedPids).size());
        assertEquals("every process exited", total, ends.size());
        List<String> problems = new ArrayList<>();
        for (int pid : spawnedPids) {
            List<ProcessEnd> e = ends.get(pid);
            Expected x = expected.get(pid);
            if (e == null || e.size() != 1) {
                problems.add("pid " + pid + " " + x.argv() + " exited " + (e == null ? 0 : e.size()) + " times");
                continue;
            }
            ProcessEnd end = e.get(0);
            if (!end.argv().equals(x.argv()) || end.waitStatus() != x.waitStatus() || end.killReport() != null) {
                problems.add("pid " + pid + " " + x.argv() + ": expected " + WaitStatus.describe(x.waitStatus())
                        + ", got " + end.argv() + " " + WaitStatus.describe(end.waitStatus()) + " "
                        + end.killReport());
            }
        }
        assertEquals("process problems", List.of(), problems);
        assertEquals("no other process exited meanwhile", 0, foreignExits.get());

        // Each checksum printed its own line, once (N differs for each, so a line names its process).
        List<String> lines = new ArrayList<>(runner.allOutput().lines().map(l -> l + "\n").toList());
        Collections.sort(lines);
        Collections.sort(expectedLines);
        assertEquals("console output: one checksum line per checksum process", expectedLines, lines);

        // The policy changed at least 50 times, in every way, some while processes ran; nothing was ejected.
        long swaps = control.swaps() - swapsBefore;
        assertTrue("policy changes: " + changes.size() + " " + changes, changes.size() >= 50);
        assertTrue("policy swaps: " + swaps, swaps >= 50);
        // (the first change of each batch comes right after its spawn, with the long checksum still running)
        assertTrue("changes while processes ran: " + changesWithLiveProcesses, changesWithLiveProcesses >= BATCHES);
        assertEquals("ejections", List.of(), control.ejections());
        System.out.println("PolicySwapIT: " + total + " processes, " + changes.size() + " changes (" + swaps
                + " swaps, " + changesWithLiveProcesses + " with processes running): " + changes);

        // Back to the built-in policy; the configuration goes away.
        assertTrue(control.use(PolicyControl.BUILTIN, Map.of()));
        Configuration config = configurationAdmin.getConfiguration(SchedulingPolicyProvider.PID, "?");
        config.delete();
        assertEquals(PolicyControl.BUILTIN, control.active());
        assertNull(control.waitingFor());
    }

    /** What the exit listener saw of a process. */
    record ProcessEnd(List<String> argv, int waitStatus, String killReport) {
    }

    /** Processes of {@code pids} that have not exited yet. */
    private int liveProcesses(List<Integer> pids) throws Exception {
        return machine.call(() -> {
            int live = 0;
            for (int pid : pids) {
                if (processes.process(pid).isPresent()) {
                    live++;
                }
            }
            return live;
        });
    }

    /**
     * Changes the policy to {@code name} one way, checks it took effect, and
     * returns a description (for messages).
     */
    private String change(int way, String name) throws Exception {
        Map<String, String> options = OPTIONS.getOrDefault(name, Map.of());
        switch (way) {
            case 0 -> {
                // Directly, with options; a refused option first, which changes nothing.
                String before = control.active();
                try {
                    control.use(name, Map.of("no-such-option", "1"));
                    fail(name + " accepted an unknown option");
                } catch (IllegalArgumentException expected) {
                    assertEquals("a refused choice changes nothing", before, control.active());
                }
                assertTrue(control.use(name, options));
                assertEquals(name, control.active());
                assertNull(control.waitingFor());
                return "use " + name + options;
            }
            case 1 -> {
                // Config Admin: SchedulerConfig applies the update on its own thread.
                Configuration config = configurationAdmin.getConfiguration(SchedulingPolicyProvider.PID, "?");
                Dictionary<String, Object> props = new Hashtable<>();
                props.put("policy", name);
                List<String> items = new ArrayList<>();
                options.forEach((k, v) -> items.add(k + "=" + v));
                props.put("options", items.toArray(new String[0]));
                config.update(props);
                awaitValue(control::active, name);
                return "config " + name + items;
            }
            case 2 -> {
                // Stop the active policy's bundle: the built-in policy runs, the choice waits; start: back.
                assertTrue(control.use(name, options));
                Bundle b = policyBundle(name);
                b.stop();
                assertEquals(PolicyControl.BUILTIN, control.active());
                assertEquals(name, control.waitingFor());
                b.start();
                awaitValue(control::active, name);
                assertNull(control.waitingFor());
                return "stop/start " + name;
            }
            case 3 -> {
                // Update the active policy's bundle: a new revision, a new provider, the same choice.
                assertTrue(control.use(name, options));
                policyBundle(name).update();
                awaitValue(control::active, name);
                assertNull(control.waitingFor());
                return "update " + name;
            }
            case 4 -> {
                // Uninstall it, then install it again from its location.
                assertTrue(control.use(name, options));
                Bundle b = policyBundle(name);
                String location = b.getLocation();
                b.uninstall();
                assertEquals(PolicyControl.BUILTIN, control.active());
                assertEquals(name, control.waitingFor());
                assertFalse(name + " is no longer listed", policyNames().contains(name));
                Bundle again = context.installBundle(location);
                again.start();
                assertEquals(Bundle.ACTIVE, again.getState());
                awaitValue(control::active, name);
                assertNull(control.waitingFor());
                return "uninstall/install " + name;
            }
            default -> {
                // Back to the built-in policy, then the policy again.
                assertTrue(control.use(PolicyControl.BUILTIN, Map.of()));
                assertEquals(PolicyControl.BUILTIN, control.active());
                assertTrue(control.use(name, options));
                assertEquals(name, control.active());
                return "builtin then " + name;
            }
        }
    }

    /** The installed bundle providing policy {@code name}. */
    private Bundle policyBundle(String name) {
        for (Bundle b : context.getBundles()) {
            if (("osbox.sched." + name).equals(b.getSymbolicName())) {
                return b;
            }
        }
        fail("osbox.sched." + name + " is not installed");
        return null;
    }

    private List<String> policyNames() {
        return control.policies().stream().map(PolicyControl.Policy::name).toList();
    }

    /**
     * Polls {@code value} until it equals {@code want}, for at most
     * {@link #POLL_MILLIS}: Config Admin and SCR deliver on their own threads,
     * and the kernel applies an arriving provider at its next safe point.
     */
    private static <T> T awaitValue(Supplier<T> value, T want) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
        T last = value.get();
        while (!want.equals(last) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            last = value.get();
        }
        assertEquals("within " + POLL_MILLIS + " ms", want, last);
        return last;
    }
}
