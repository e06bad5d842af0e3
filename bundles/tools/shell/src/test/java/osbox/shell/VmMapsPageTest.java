package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.MemoryManager;
import osbox.api.memory.MemoryRegion;
import osbox.api.memory.PageEntry;
import osbox.api.memory.RegionUsage;
import osbox.testkit.hw.FakeMachine;

/** vm:maps and vm:page over a fake VM manager with one live process (pid 3). */
class VmMapsPageTest {
    static final List<MemoryRegion> REGIONS = List.of(
            new MemoryRegion(MemoryRegion.Kind.IMAGE, 0x10000, 0x12000, AddressSpace.PROT_READ | AddressSpace.PROT_EXEC),
            new MemoryRegion(MemoryRegion.Kind.HEAP, 0x12000, 0x40000, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE),
            new MemoryRegion(MemoryRegion.Kind.STACK, 0x3f_ff80_0000L, 0x40_0000_0000L,
                    AddressSpace.PROT_READ | AddressSpace.PROT_WRITE));
    /** Heap page 0x12000 in frame 0x1a3 (written), 0x13000 in swap slot 5, the text page copy-on-write shared. */
    static final Map<Long, Long> PTES = Map.of(
            0x12000L, (0x1a3L << 10) | 0xd7,
            0x13000L, (5L << 10) | 0x200 | 0x16,
            0x10000L, (0x1a0L << 10) | 0x15b);

    /** Counts the tasks run through Machine.call (the simulation thread). */
    final FakeMachine machine = new FakeMachine(1);

    final AddressSpace space = proxy(AddressSpace.class, (name, args) -> switch (name) {
        case "pid" -> 3;
        case "memoryRegions" -> REGIONS;
        case "regionUsage" -> List.of(new RegionUsage(REGIONS.get(0), 1, 0), new RegionUsage(REGIONS.get(1), 1, 1),
                new RegionUsage(REGIONS.get(2), 2, 0));
        case "page" -> {
            long va = (Long) args[0] & -AddressSpace.PAGE;
            yield PageEntry.of(va, PTES.getOrDefault(va, 0L));
        }
        default -> null;
    });

    final MemoryManager memory = proxy(MemoryManager.class,
            (name, args) -> name.equals("addressSpace") && (Integer) args[0] == 3 ? space : null);

    final VmCommands commands = new VmCommands(VmCommandsTest.replacementSlot(), machine, null, memory);

    interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.answer(m.getName(), args));
    }

    @Test
    void mapsIsATableOfTheRegionsWithTheirPages() throws Exception {
        assertEquals(""
                + "START         END           PERMS  KIND   RESIDENT  SWAPPED\n"
                + "000000010000  000000012000  r-x    image         1        0\n"
                + "000000012000  000000040000  rw-    heap          1        1\n"
                + "003fff800000  004000000000  rw-    stack         2        0\n"
                + "process 3: 3 regions, 4 pages resident, 1 swapped (4 KiB pages)\n", commands.mapsText("3"));
        assertEquals(1, machine.calls(), "read on the simulation thread");
    }

    @Test
    void mapsSaysWhatIsWrongInOneLine() throws Exception {
        assertEquals("vm:maps: no live process 4\n", commands.mapsText("4"));
        assertEquals("vm:maps: not a process id: 'x'\n", commands.mapsText("x"));
        assertEquals("vm:maps: not a process id: '0'\n", commands.mapsText("0"));
    }

    @Test
    void aPresentPageShowsItsFrame() throws Exception {
        assertEquals(""
                + "process 3 page 0x12000: heap rw- [0x12000, 0x40000)\n"
                + "pte   0x0000000000068cd7\n"
                + "flags vrw-uad--  (v valid, r w x, u user, a accessed, d dirty, c copy-on-write, s swapped)\n"
                + "present in frame 0x1a3 (physical 0x1a3000)\n", commands.pageText("3", "0x12abc"));
        assertEquals(1, machine.calls());
        assertEquals(commands.pageText("3", "0x12abc"), commands.pageText("3", "12abc"), "0x is optional");
    }

    @Test
    void aCopyOnWritePageShowsC() throws Exception {
        assertEquals(""
                + "process 3 page 0x10000: image r-x [0x10000, 0x12000)\n"
                + "pte   0x000000000006815b\n"
                + "flags vr-xua-c-  (v valid, r w x, u user, a accessed, d dirty, c copy-on-write, s swapped)\n"
                + "present in frame 0x1a0 (physical 0x1a0000)\n", commands.pageText("3", "10000"));
    }

    @Test
    void aSwappedPageShowsTheSlotKeptInThePte() throws Exception {
        assertEquals(""
                + "process 3 page 0x13000: heap rw- [0x12000, 0x40000)\n"
                + "pte   0x0000000000001616\n"
                + "flags -rw-u---s  (v valid, r w x, u user, a accessed, d dirty, c copy-on-write, s swapped)\n"
                + "swapped out to slot 5 (the PTE keeps the slot; the next access faults it back in)\n",
                commands.pageText("3", "0x13008"));
    }

    @Test
    void anAbsentPageSaysWhatTheFirstTouchWillDo() throws Exception {
        assertEquals(""
                + "process 3 page 0x14000: heap rw- [0x12000, 0x40000)\n"
                + "pte   0x0000000000000000\n"
                + "flags ---------  (v valid, r w x, u user, a accessed, d dirty, c copy-on-write, s swapped)\n"
                + "not mapped (first touch will zero-fill it)\n", commands.pageText("3", "0x14000"));
        assertEquals("not mapped (first touch will fill it from the program)\n",
                last(commands.pageText("3", "0x11000")));
        assertEquals("not mapped (first touch will zero-fill it)\n", last(commands.pageText("3", "3ffffff000")));
        assertEquals(""
                + "process 3 page 0x0: in no region\n"
                + "pte   0x0000000000000000\n"
                + "flags ---------  (v valid, r w x, u user, a accessed, d dirty, c copy-on-write, s swapped)\n"
                + "not mapped (no region: an access gets SIGSEGV)\n", commands.pageText("3", "0"));
    }

    @Test
    void pageSaysWhatIsWrongInOneLine() throws Exception {
        assertEquals("vm:page: no live process 9\n", commands.pageText("9", "0x1000"));
        assertEquals("vm:page: not a process id: '-1'\n", commands.pageText("-1", "0x1000"));
        assertEquals("vm:page: not a user address (hex, below 0x4000000000): 'xyz'\n",
                commands.pageText("3", "xyz"));
        assertEquals("vm:page: not a user address (hex, below 0x4000000000): '0x4000000000'\n",
                commands.pageText("3", "0x4000000000"));
        assertEquals("vm:page: not a user address (hex, below 0x4000000000): '0x'\n", commands.pageText("3", "0x"));
        assertEquals("vm:maps: no live process 3\n", new VmCommands(VmCommandsTest.replacementSlot(), null).mapsText("3"));
    }

    private static String last(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1] + "\n";
    }
}
