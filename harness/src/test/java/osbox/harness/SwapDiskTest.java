package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.io.IoOperation;
import osbox.vm.manager.core.BlockSwapBackend;

/**
 * Swap on a block device through the kernel: a program whose working set
 * is several times memory sleeps in its page faults while a disk (a block
 * layer that completes each I/O 100 microseconds later on the machine's
 * event queue) reads its pages back, and computes what it computes with
 * plenty of memory.
 */
class SwapDiskTest {
    static final long LATENCY = 100_000;

    @Test
    void mallocfunInAQuarterOfItsWorkingSetSleepsOnTheDiskAndGivesTheSameOutput() throws Exception {
        String expected;
        try (Computer c = Computer.boot(Computer.Options.defaults())) {
            Computer.Result r = c.run(Computer.example("mallocfun"), List.of(), null);
            assertEquals(0, r.shellStatus());
            expected = r.stdoutText();
        }
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(12 * 4096))) {
            FakeBlockLayer disk = new FakeBlockLayer(c.machine(),
                    List.of(new FakeBlockLayer.Disk("vda", new byte[16 << 20], false)), LATENCY);
            c.machine().call(() -> {
                c.memoryManager().useSwapDevice(new BlockSwapBackend(disk, "vda"));
                return null;
            });
            Computer.Result r = c.run(Computer.example("mallocfun"), List.of(), null);
            assertEquals(0, r.shellStatus(), r.stdoutText() + r.killReport());
            assertEquals(expected, r.stdoutText());
            Map<String, Long> s = c.machine().call(() -> c.memoryManager().statistics());
            assertTrue(s.get("swap.disk.page.outs") > 0, s.toString());
            assertTrue(s.get("swap.disk.page.ins") > 0, s.toString());
            assertTrue(s.get("swap.wait.faults") > 0, "faults slept: " + s);
            assertEquals(disk.count(IoOperation.READ), s.get("swap.disk.page.ins"));
            assertTrue(disk.count(IoOperation.WRITE) >= s.get("swap.disk.page.outs"), s.toString());
        }
    }
}
