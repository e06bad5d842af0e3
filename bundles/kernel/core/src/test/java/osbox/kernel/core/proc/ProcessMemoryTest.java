package osbox.kernel.core.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.memory.UserCopy;

/**
 * The kernel's side of a user copy: the VM manager answers a result, and
 * for OUT_OF_MEMORY the kernel asks the OOM killer and tries again, in its
 * own loop, while memory is being freed for the copy.
 */
class ProcessMemoryTest {
    private final Process owner = new ProcessTable().create(0, "p", List.of("p"), 0);
    private final List<String> attempts = new ArrayList<>();
    private final List<Process> asked = new ArrayList<>();

    /** A copy that answers OUT_OF_MEMORY {@code shortages} times, then {@code last}. */
    private UserCopy copy(int shortages, int last) {
        return new UserCopy() {
            private int left = shortages;

            private int answer(String what) {
                attempts.add(what);
                return left-- > 0 ? OUT_OF_MEMORY : last;
            }

            @Override
            public int copyIn(long va, byte[] dst, int off, int len) {
                return answer("in " + va);
            }

            @Override
            public int copyOut(long va, byte[] src, int off, int len) {
                return answer("out " + va);
            }
        };
    }

    // An OOM killer that frees memory (true) the first `frees` times, then nothing.
    private ProcessMemory.Reclaim killer(int frees) {
        return p -> {
            asked.add(p);
            return asked.size() <= frees;
        };
    }

    @Test
    void aCopyThatFindsNoFrameIsTriedAgainWhileTheOomKillerFreesMemory() {
        ProcessMemory m = new ProcessMemory(copy(2, UserCopy.DONE), owner, killer(10));
        assertTrue(m.write(0x1000, new byte[4], 0, 4));
        assertEquals(List.of("out 4096", "out 4096", "out 4096"), attempts);
        assertEquals(List.of(owner, owner), asked, "asked for the copy's owner, once per shortage");
    }

    @Test
    void aCopyFailsWhenTheOomKillerFreesNothingForIt() {
        ProcessMemory m = new ProcessMemory(copy(5, UserCopy.DONE), owner, killer(1));
        assertFalse(m.read(0x2000, new byte[4], 0, 4));
        assertEquals(2, asked.size(), "once freed, once not: the copy gives up");
        assertEquals(2, attempts.size());
    }

    @Test
    void aBadAddressNeverAsksTheOomKiller() {
        ProcessMemory m = new ProcessMemory(copy(0, UserCopy.BAD_ADDRESS), owner, killer(10));
        assertFalse(m.read(0, new byte[4], 0, 4));
        assertFalse(m.writeLong(0, 1));
        assertTrue(asked.isEmpty());
    }

    @Test
    void oneCopyKillsAtMostABoundedNumberOfProcesses() {
        ProcessMemory m = new ProcessMemory(copy(1000, UserCopy.DONE), owner, killer(1000));
        assertFalse(m.write(0x3000, new byte[1], 0, 1));
        assertEquals(ProcessMemory.MAX_KILLS, asked.size());
        assertEquals(ProcessMemory.MAX_KILLS + 1, attempts.size());
    }

    @Test
    void theWordAccessorsGoThroughTheSameLoop() {
        ProcessMemory m = new ProcessMemory(copy(1, UserCopy.DONE), owner, killer(10));
        assertTrue(m.writeInt(0x4000, 7));
        assertEquals(1, asked.size());
    }
}
