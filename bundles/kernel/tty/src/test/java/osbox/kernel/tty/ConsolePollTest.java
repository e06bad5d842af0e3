package osbox.kernel.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.WaitQueue;
import osbox.testkit.hw.FakeConsole;
import osbox.testkit.syscall.CountingWaitQueue;

/** The console's readiness for ppoll and pselect6: readable once input (or its end) arrived, always writable. */
class ConsolePollTest {
    private final FakeConsole console = new FakeConsole(7);
    private final CountingWaitQueue queue = new CountingWaitQueue("console-input");
    private final ConsoleTerminal terminal = new ConsoleTerminal(console, new Kernel() {
        @Override
        public WaitQueue newWaitQueue(String name) {
            return queue;
        }

        @Override
        public ProcessManager processManager() {
            return null;
        }
    });

    @Test
    void readableOnceInputArrivesAndTheReadersQueueIsWatched() {
        OpenFile tty = terminal.open();
        List<WaitQueue> watched = new ArrayList<>();
        assertEquals(OpenFile.POLLOUT | OpenFile.POLLWRNORM, tty.poll(watched::add), "no input yet");
        assertEquals(List.of(queue), watched, "input wakes this queue");
        console.receive("x");
        assertEquals(OpenFile.POLLIN | OpenFile.POLLRDNORM | OpenFile.POLLOUT | OpenFile.POLLWRNORM, tty.poll(null));
    }
}
