package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Machine;
import osbox.api.io.BlockIo;
import osbox.api.io.BlockLayer;
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

    /** One disk of host memory whose I/Os complete LATENCY cycles after submission, on the machine's events. */
    static final class EventBlockLayer implements BlockLayer {
        private final Machine machine;
        private final byte[] disk;
        long reads;
        long writes;

        EventBlockLayer(Machine machine, int bytes) {
            this.machine = machine;
            this.disk = new byte[bytes];
        }

        @Override
        public List<String> devices() {
            return List.of("vda");
        }

        @Override
        public int device(String name) {
            return name.equals("vda") ? 0 : -1;
        }

        @Override
        public long sectors(int device) {
            return disk.length / 512;
        }

        @Override
        public boolean readOnly(int device) {
            return false;
        }

        @Override
        public int submit(BlockIo io) {
            machine.events().schedule(machine.now() + LATENCY, () -> {
                int off = (int) (io.sector() * 512);
                if (io.operation() == IoOperation.WRITE) {
                    machine.memory().read(io.segmentAddress(0), disk, off, io.segmentLength(0));
                    writes++;
                } else {
                    machine.memory().write(io.segmentAddress(0), disk, off, io.segmentLength(0));
                    reads++;
                }
                io.complete(0);
            });
            return 0;
        }

        @Override
        public String scheduler(int device) {
            return "noop";
        }

        @Override
        public Map<String, Long> counters(int device) {
            return Map.of();
        }

        @Override
        public Map<String, Long> processCounters(int pid) {
            return Map.of();
        }
    }

    @Test
    void mallocfunInAQuarterOfItsWorkingSetSleepsOnTheDiskAndGivesTheSameOutput() throws Exception {
        String expected;
        try (Computer c = Computer.boot(Computer.Options.defaults())) {
            Computer.Result r = c.run(Computer.example("mallocfun"), List.of(), null);
            assertEquals(0, r.shellStatus());
            expected = r.stdoutText();
        }
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(12 * 4096))) {
            EventBlockLayer disk = new EventBlockLayer(c.machine(), 16 << 20);
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
            assertEquals(disk.reads, s.get("swap.disk.page.ins"));
            assertTrue(disk.writes >= s.get("swap.disk.page.outs") - 0, s.toString());
        }
    }
}
