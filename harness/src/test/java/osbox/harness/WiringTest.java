package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Syscalls;
import osbox.api.policy.PolicyControl;

/**
 * The harness plugs in what the distribution plugs in, through the same
 * whiteboard tables: every system call of the sysinfo bundle, the ELF
 * format and the console terminal (a program runs and writes), every
 * scheduling policy bundle and every page-replacement policy bundle.
 */
class WiringTest {
    @Test
    void everyWhiteboardServiceOfTheBundlesIsBound() throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults())) {
            for (int n : new int[] {Syscalls.UNAME, Syscalls.CLOCK_GETTIME, Syscalls.GETRANDOM, Syscalls.GETUID}) {
                assertTrue(c.machine().call(() -> c.kernel().syscalls().installed(n)), "syscall " + n);
            }
            assertEquals("uname", c.machine().call(() -> c.kernel().syscalls().name(Syscalls.UNAME)));
            assertEquals(List.of("builtin", "cfs", "fifo", "lottery", "mlfq", "priority", "rr", "sjf", "stcf",
                    "stride"), names(c.schedulerControl()));
            assertEquals(List.of("aging", "builtin", "clock", "eclock", "fifo", "lfu", "lru", "mru", "opt", "random"),
                    names(c.replacementControl()));
            Computer.Result r = c.run(Computer.example("hello"), List.of("wired"), null);
            assertEquals(0, r.shellStatus());
            assertTrue(r.stdoutText().contains("wired"), r.stdoutText());
        }
    }

    @Test
    void aReplacementPolicyFromItsBundleIsUsedByName() throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(1L << 20).withSwap(16L << 20))) {
            assertTrue(c.replacementControl().use("clock", java.util.Map.of()));
            assertEquals("clock", c.replacementControl().active());
            Computer.Result r = c.run(Computer.example("hello"), List.of(), null);
            assertEquals(0, r.shellStatus());
        }
    }

    // The slot's policy names, sorted.
    private static List<String> names(PolicyControl control) {
        return control.policies().stream().map(PolicyControl.Policy::name).sorted().toList();
    }
}
