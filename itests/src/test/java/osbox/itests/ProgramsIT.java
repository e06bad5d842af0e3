package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import osbox.api.kernel.Signals;
import osbox.api.kernel.WaitStatus;

/**
 * Real example programs run by the real bundles in Felix, through the
 * services only (Machine, ProcessManager, Console): exact console output and
 * wait statuses, a fault that kills only its program, and the kernel going
 * on afterwards.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProgramsIT extends ProgramTestSupport {

    @Test
    public void helloPrintsItsArgumentsAndExitsZero() throws Exception {
        String path = ProgramRunner.example("hello").toString();
        ProgramRunner.Run r = runner.run(ProgramRunner.example("hello"), "a", "b c");

        // The shape of expected/hello.a_b_c.out, for argv = [path, "a", "b c"].
        String expected = "Hello from osbox!\n"
                + "argc = 3\n"
                + "argv[0] = " + path + "\n"
                + "argv[1] = a\n"
                + "argv[2] = b c\n";
        assertTrue("the reference output has the same greeting",
                ProgramRunner.expected("hello.a_b_c.out").startsWith("Hello from osbox!\nargc = 4\nargv[0] = "));
        assertEquals(r.describe(), expected, r.stdout());
        assertTrue(r.describe(), WaitStatus.isExited(r.waitStatus()));
        assertEquals(r.describe(), 0, WaitStatus.exitCode(r.waitStatus()));
        assertEquals(WaitStatus.exited(0), r.waitStatus());
        assertNull(r.killReport());
        assertEquals(List.of(path, "a", "b c"), r.view().argv());
        assertEquals("hello.elf", r.view().name());
        assertTrue("ran real code: " + r.view().instructions(), r.view().instructions() > 1000);
    }

    @Test
    public void aFaultKillsOnlyItsProgramAndTheKernelGoesOn() throws Exception {
        ProgramRunner.Run fault = runner.run(ProgramRunner.example("fault"), "null-read");
        int status = fault.waitStatus();
        assertTrue(fault.describe(), WaitStatus.isSignaled(status));
        assertFalse(fault.describe(), WaitStatus.isExited(status));
        assertEquals(fault.describe(), 11, WaitStatus.termSignal(status));
        assertEquals("SIGSEGV", Signals.name(WaitStatus.termSignal(status)));
        assertEquals(fault.describe(), 139, WaitStatus.shellStatus(status));
        String report = fault.killReport();
        assertNotNull(fault.describe(), report);
        assertTrue(report, report.contains("load page fault"));
        assertTrue(report, report.contains("pc=0x"));
        assertTrue(report, report.contains("address 0x0"));
        assertTrue(report, report.contains("SIGSEGV"));
        // the line it printed before faulting, and nothing else
        assertEquals("fault: about to read address 0\n", fault.stdout());
        assertEquals(ProgramRunner.expected("fault.null-read.out"), fault.stdout());

        // the kernel and the machine go on after the kill
        ProgramRunner.Run next = runner.run(ProgramRunner.example("exitcode"), "3");
        assertTrue(next.describe(), WaitStatus.isExited(next.waitStatus()));
        assertEquals(next.describe(), 3, WaitStatus.exitCode(next.waitStatus()));
        assertEquals(next.describe(), 3, next.shellStatus());
        assertNull(next.killReport());
        assertEquals("", next.stdout());
        assertTrue("pids are not reused", next.pid() > fault.pid());
    }
}
