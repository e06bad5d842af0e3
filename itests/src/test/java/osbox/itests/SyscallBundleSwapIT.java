package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.api.kernel.WaitStatus;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;

/**
 * A bundle that provides system calls is stopped, started and updated while
 * the system runs a long CPU-bound program: while it is stopped its calls
 * answer ENOSYS (and show in the trace), once it is back they work again,
 * and the background program, which never noticed, ends with the right
 * checksum.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SyscallBundleSwapIT extends ProgramTestSupport {

    static final String SYSINFO_BUNDLE = "osbox.kernel.syscalls.sysinfo";

    /**
     * Iterations of the background checksum: about ten RV64 instructions
     * each, 200 million in all, about 1.5 s of host time. Measured: the swaps
     * and sysinfo runs are over after the first ~12 million of them, so it is
     * still running throughout with a wide margin (asserted at each step).
     */
    static final long BACKGROUND_N = 20_000_000L;

    /** Runs of sysinfo allowed while waiting for a restarted bundle's calls to be installed. */
    static final int MAX_ATTEMPTS = 20;

    @Test
    public void sysinfoBundleIsStoppedStartedAndUpdatedWhileAProgramRuns() throws Exception {

        // The reference: the checksum computed in Java agrees with a run of the program alone
        // and with its expected output (qemu's).
        ProgramRunner.Run alone = runner.run(ProgramRunner.example("checksum"), "200000");
        assertEquals(alone.describe(), 0, alone.shellStatus());
        assertEquals(ProgramRunner.expected("checksum.200000.out"), alone.stdout());
        assertEquals(checksumLine(200_000), alone.stdout());

        // The background program: prints one line, when it ends.
        ProgramRunner.Started background = runner.start(ProgramRunner.example("checksum"),
                Long.toString(BACKGROUND_N));

        Bundle sysinfo = installedBundle(SYSINFO_BUNDLE);
        assertEquals(Bundle.ACTIVE, sysinfo.getState());
        ProgramRunner.Run before = runner.run(ProgramRunner.example("sysinfo"));
        assertWorks(before);
        long unameServiceBefore = unameServiceId();

        // Stopped: its calls answer ENOSYS, traced as unknown for this process.
        sysinfo.stop();
        assertEquals(Bundle.RESOLVED, sysinfo.getState());
        assertEquals("uname's service left with its bundle", -1, unameServiceIdOrNone());
        ProgramRunner.Run stopped = runner.run(ProgramRunner.example("sysinfo"));
        assertEquals(stopped.describe(), WaitStatus.exited(0), stopped.waitStatus());
        assertTrue(stopped.describe(), stopped.stdout().startsWith("uname returned -" + Errno.ENOSYS + "\n"));
        assertTrue(stopped.describe(), stopped.stdout().contains("uname returned -38\n"));
        assertTrue(stopped.describe(), stopped.stdout().contains("time advances: no\n"));
        assertTrue(stopped.describe(), stopped.stdout().contains("pid > 0: yes\n"));
        assertTrue(stopped.describe(), stopped.stdout().endsWith("unknown syscall returned -38\n"));
        List<TraceEvent> unknown = machine.call(() -> machine.tracer().events().stream()
                .filter(e -> e.kind() == TraceKind.SYSCALL_UNKNOWN && e.pid() == stopped.pid())
                .toList());
        assertTrue("uname traced as unknown for pid " + stopped.pid() + ": " + unknown,
                unknown.stream().anyMatch(e -> e.a() == Syscalls.UNAME && e.a() == 160
                        && e.b() == -Errno.ENOSYS));
        assertTrue("clock_gettime traced as unknown: " + unknown,
                unknown.stream().anyMatch(e -> e.a() == Syscalls.CLOCK_GETTIME));
        assertStillRunning(background);

        // Started again: the calls come back.
        sysinfo.start();
        assertEquals(Bundle.ACTIVE, sysinfo.getState());
        long unameServiceStarted = awaitUnameService();
        assertTrue("a new uname service", unameServiceStarted > unameServiceBefore);
        assertWorks(runUntilUnameWorks(runner));
        assertStillRunning(background);

        // Updated from its own location (a new revision): the calls come back again.
        sysinfo.update();
        assertEquals(Bundle.ACTIVE, sysinfo.getState());
        long unameServiceUpdated = awaitUnameService();
        assertTrue("a new uname service", unameServiceUpdated > unameServiceStarted);
        assertWorks(runUntilUnameWorks(runner));
        assertStillRunning(background);

        // The background program ran through all of it, undisturbed.
        ProgramRunner.Run checksum = runner.await(background);
        assertEquals(checksum.describe(), WaitStatus.exited(0), checksum.waitStatus());
        assertNull(checksum.killReport());
        assertEquals(checksumLine(BACKGROUND_N), checksum.stdout());
        assertTrue("it ran its ~10 instructions per iteration: " + checksum.view().instructions(),
                checksum.view().instructions() > 10 * BACKGROUND_N);
        assertTrue("it was switched out for the others: " + checksum.view().involuntarySwitches(),
                checksum.view().involuntarySwitches() > 0);
    }

    /** sysinfo's full output with every call in place (expected/sysinfo.out), and status 0. */
    private static void assertWorks(ProgramRunner.Run r) throws Exception {
        assertEquals(r.describe(), WaitStatus.exited(0), r.waitStatus());
        assertEquals(r.describe(), ProgramRunner.expected("sysinfo.out"), r.stdout());
        assertTrue(r.stdout().contains("uname returned 0\n"));
        assertTrue(r.stdout().contains("sysname: Linux\n"));
        assertTrue(r.stdout().contains("time advances: yes\n"));
    }

    /**
     * Runs sysinfo until uname answers (the kernel installs a new handler at
     * its next safe point, after the service appears), a bounded number of times.
     */
    private ProgramRunner.Run runUntilUnameWorks(ProgramRunner runner) throws Exception {
        ProgramRunner.Run last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            last = runner.run(ProgramRunner.example("sysinfo"));
            if (last.stdout().startsWith("uname returned 0\n")) {
                return last;
            }
        }
        fail("uname still missing after " + MAX_ATTEMPTS + " runs: " + last.describe());
        return null;
    }

    /** The background program has not exited yet: the swaps happened while it ran. */
    private void assertStillRunning(ProgramRunner.Started s) throws Exception {
        ProcessView v = machine.call(() -> processes.process(s.pid).orElse(null));
        assertNotNull("pid " + s.pid + " is gone: make BACKGROUND_N larger", v);
        assertFalse("pid " + s.pid + " already exited: make BACKGROUND_N larger", v.state() == ProcessState.ZOMBIE);
        assertFalse(s.exit.isDone());
    }

    /** Waits for a uname handler service; returns its service.id. */
    private long awaitUnameService() throws Exception {
        ServiceTracker<SyscallHandler, SyscallHandler> tracker = new ServiceTracker<>(context, unameFilter(), null);
        tracker.open();
        try {
            assertNotNull("uname service is back", tracker.waitForService(TimeUnit.SECONDS.toMillis(60)));
            return (Long) tracker.getServiceReference().getProperty(Constants.SERVICE_ID);
        } finally {
            tracker.close();
        }
    }

    private long unameServiceId() throws Exception {
        long id = unameServiceIdOrNone();
        assertTrue("a uname service is registered", id >= 0);
        return id;
    }

    /** The service.id of the registered uname handler, or -1. */
    private long unameServiceIdOrNone() throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(SyscallHandler.class.getName(),
                "(" + SyscallHandler.NUMBER + "=" + Syscalls.UNAME + ")");
        if (refs == null) {
            return -1;
        }
        assertEquals("one uname handler", 1, refs.length);
        return (Long) refs[0].getProperty(Constants.SERVICE_ID);
    }

    private Filter unameFilter() throws Exception {
        return context.createFilter("(&(" + Constants.OBJECTCLASS + "=" + SyscallHandler.class.getName() + ")("
                + SyscallHandler.NUMBER + "=" + Syscalls.UNAME + "))");
    }

    /** What checksum.c prints for n iterations, computed here. */
    static String checksumLine(long n) {
        long[] table = new long[64];
        for (int i = 0; i < table.length; i++) {
            table[i] = i * 0x9e3779b97f4a7c15L;
        }
        long x = 0x0123456789abcdefL;
        for (long i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            table[(int) (x >>> 58)] ^= x;
        }
        long sum = 0xcbf29ce484222325L;
        for (long t : table) {
            sum = (sum ^ t) * 0x100000001b3L;
        }
        return String.format("checksum(%d) = %016x%n", n, sum).replace(System.lineSeparator(), "\n");
    }
}
