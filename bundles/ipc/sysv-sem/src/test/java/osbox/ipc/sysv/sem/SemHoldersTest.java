package osbox.ipc.sysv.sem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.WaitHolder;
import osbox.ipc.sysv.common.IpcPerm;

/** The semaphore edge's rule: a process holds a semaphore while its SEM_UNDO adjustment for it is positive. */
class SemHoldersTest {
    private final SemSet set = new SemSet(new IpcPerm(0, 0, 0, 0, 0, 0600, 0), 2, 0);

    private static WaitHolder process(int pid) {
        return new WaitHolder() {
            @Override public int pid() { return pid; }
            @Override public int tid() { return pid; }
            @Override public boolean holdsFile(OpenFile file) { return false; }
        };
    }

    @Test
    void aSemUndoTakerHoldsTheSemaphoreUntilItGivesItBack() {
        assertFalse(SemHolders.anyHolder(set, 0), "nobody took it: a wait on it is no edge");
        set.undoOf(3)[0] = 1;     // pid 3 did semop(0, -1, SEM_UNDO)
        assertTrue(SemHolders.anyHolder(set, 0));
        assertFalse(SemHolders.anyHolder(set, 1), "the other semaphore of the set is not held");
        SemHolders wait = new SemHolders(set, 0);
        assertTrue(wait.heldBy(process(3)));
        assertFalse(wait.heldBy(process(4)));
        assertEquals("semaphore 0 of set " + set.id() + " (from its SEM_UNDO holders)", wait.describe());
        set.undoOf(3)[0] = 0;     // and semop(0, +1, SEM_UNDO)
        assertFalse(wait.heldBy(process(3)));
    }
}
