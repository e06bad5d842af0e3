package osbox.kernel.core.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.MemoryRegion;
import osbox.kernel.core.KernelBench;

/** RLIMIT_STACK: the stack region execve builds is as large as the soft limit allows. */
class StackLimitTest {
    private final KernelBench k = new KernelBench();

    private static long stackBytes(AddressSpace space) {
        for (MemoryRegion r : space.memoryRegions()) {
            if (r.kind() == MemoryRegion.Kind.STACK) {
                return r.end() - r.start();
            }
        }
        throw new AssertionError("no stack region");
    }

    @Test
    void theDefaultStackIsEightMebibytes() throws Exception {
        assertEquals(8L << 20, stackBytes(k.spawn("p").space()));
    }

    @Test
    void aSmallerLimitCutsTheRegionToWholePages() throws Exception {
        AddressSpace space = k.spawn("p").space();
        ProgramLoader.limitStack(space, 100_000, AddressSpace.STACK_TOP - 100);
        assertEquals(102_400, stackBytes(space), "100000 bytes rounded up to 25 pages");
    }

    @Test
    void theArgumentsAlwaysFit() throws Exception {
        AddressSpace space = k.spawn("p").space();
        ProgramLoader.limitStack(space, 0, AddressSpace.STACK_TOP - 3 * AddressSpace.PAGE - 8);
        assertEquals(4 * AddressSpace.PAGE, stackBytes(space), "the pages the initial stack uses stay");
    }

    @Test
    void aLargerLimitKeepsTheLayoutsMaximum() throws Exception {
        AddressSpace space = k.spawn("p").space();
        ProgramLoader.limitStack(space, 64L << 20, AddressSpace.STACK_TOP - 100);
        assertEquals(AddressSpace.STACK_LIMIT, stackBytes(space));
    }
}
