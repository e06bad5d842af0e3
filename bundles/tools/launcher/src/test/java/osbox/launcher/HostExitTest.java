package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** What HostExit recognises and says (the halting itself: RunControlIT, through the real script). */
class HostExitTest {

    @Test
    void anOutOfMemoryErrorIsRecognisedHoweverWrapped() {
        assertTrue(HostExit.isOutOfMemory(new OutOfMemoryError("Java heap space")));
        assertTrue(HostExit.isOutOfMemory(new ExecutionException(new IllegalStateException(new OutOfMemoryError()))));
        assertFalse(HostExit.isOutOfMemory(new IllegalStateException("no")));
        assertFalse(HostExit.isOutOfMemory(new StackOverflowError()));
    }

    @Test
    void theLineNamesTheCauseTheHeapAndTheRemedy() {
        assertEquals("osbox: the host JVM ran out of memory (Java heap space, heap at most 64 MiB); give it more with"
                + " OSBOX_JAVA_OPTS=-Xmx128m" + System.lineSeparator(),
                HostExit.outOfMemoryLine("Java heap space", 64L << 20));
    }

    @Test
    void theStatusIsNoneOfTheOthersOsboxUses() {
        int s = HostExit.OUT_OF_MEMORY_STATUS;
        assertTrue(s != CommandLine.USAGE_STATUS && s != 70 && s != osbox.workload.RunLimits.STATUS && s < 128);
    }
}
