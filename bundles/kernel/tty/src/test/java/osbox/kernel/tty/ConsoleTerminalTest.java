package osbox.kernel.tty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.WaitQueue;
import osbox.testkit.hw.FakeConsole;
import osbox.testkit.syscall.ArrayUserMemory;
import osbox.testkit.syscall.CountingWaitQueue;
import osbox.testkit.syscall.FakeSyscall;

/**
 * The tty driver: the console as the descriptors of top-level processes,
 * reads that sleep until the console's interrupt wakes them, writes that
 * transmit, and bad buffers answered as Linux does.
 */
class ConsoleTerminalTest {
    static final long BASE = 0x40000;
    static final int SOURCE = 7;

    private final FakeConsole console = new FakeConsole(SOURCE);
    private CountingWaitQueue queue;
    private final Kernel kernel = new Kernel() {
        @Override
        public WaitQueue newWaitQueue(String name) {
            queue = new CountingWaitQueue(name);
            return queue;
        }

        @Override
        public ProcessManager processManager() {
            return null;
        }
    };
    private final ConsoleTerminal terminal = new ConsoleTerminal(console, kernel);
    private final ArrayUserMemory memory = new ArrayUserMemory(BASE, 16384);
    private final FakeSyscall call = new FakeSyscall(memory);

    private String userText(int off, int n) {
        return new String(memory.bytes(), off, n, StandardCharsets.US_ASCII);
    }

    @Test
    void eachOpenIsACharacterDeviceOverTheOneConsole() {
        OpenFile a = terminal.open();
        OpenFile b = terminal.open();
        assertNotSame(a, b);
        assertEquals(OpenFile.S_IFCHR | 0620, a.mode());
        assertEquals(136L << 8, a.rdev(), "a pseudo-terminal's device number");
        assertEquals("console", a.describe());
        assertEquals(-Errno.ENOTTY, a.ioctl(call, 0x5401, 0), "TCGETS: a stream, as under qemu with redirection");
        assertEquals(-Errno.ESPIPE, a.seek(call, 0, 0));
        assertEquals("console-input", queue.name(), "one queue for every reader");
        assertEquals(SOURCE, terminal.source(), "its interrupt handler serves the console's source");
    }

    @Test
    void aReadWithNoInputSleepsUntilTheConsolesInterruptWakesIt() {
        OpenFile tty = terminal.open();
        assertEquals(SyscallHandler.RESTART, tty.read(call, BASE, 100));
        assertEquals(List.of(queue), call.sleeps());
        console.receive("hi\n");
        terminal.interrupt(SOURCE);
        assertEquals(1, queue.wakeCalls(), "the interrupt wakes the readers");
        assertEquals(3, tty.read(call.wake(), BASE, 100), "the restarted read takes the input");
        assertEquals("hi\n", userText(0, 3));
        assertEquals(1, call.sleeps().size());
    }

    @Test
    void aReadTakesAtMostWhatWasAskedAndLeavesTheRest() {
        OpenFile tty = terminal.open();
        console.receive("abcdef");
        assertEquals(4, tty.read(call, BASE, 4));
        assertEquals(2, terminal.open().read(call, BASE + 10, 4), "another descriptor reads on");
        assertEquals("abcdef", userText(0, 4) + userText(10, 2));
    }

    @Test
    void endOfInputReadsAsZeroWithoutSleeping() {
        console.endInput();
        assertEquals(0, terminal.open().read(call, BASE, 10));
        assertTrue(call.sleeps().isEmpty());
    }

    @Test
    void aBadBufferFailsAtOnceAndLosesNoInput() {
        OpenFile tty = terminal.open();
        assertEquals(-Errno.EFAULT, tty.read(call, 0x10, 8), "no input yet: EFAULT, not a sleep");
        assertTrue(call.sleeps().isEmpty());
        console.receive("xyz");
        assertEquals(-Errno.EFAULT, tty.read(call, BASE + 16384 - 2, 8), "a buffer running off memory");
        assertEquals(3, console.pendingInput(), "the input is still there");
        assertEquals(3, tty.read(call, BASE, 8));
    }

    @Test
    void writesTransmitAndAFaultPartWayCountsWhatWasWritten() {
        OpenFile tty = terminal.open();
        System.arraycopy("hello".getBytes(StandardCharsets.US_ASCII), 0, memory.bytes(), 0, 5);
        assertEquals(5, tty.write(call, BASE, 5));
        assertEquals("hello", console.outputText());
        assertEquals(10_000, tty.write(call, BASE, 10_000), "more than one chunk");
        assertEquals(10_005, console.bytesWritten());
        assertEquals(3, tty.write(call, BASE + 16384 - 3, 10), "the bytes before the fault");
        assertEquals(10_008, console.bytesWritten());
        assertEquals(-Errno.EFAULT, tty.write(call, 0x10, 4), "nothing writable: EFAULT");
        assertEquals(10_008, console.bytesWritten());
    }

    @Test
    void aClosedHostOutputAnswersEpipeAfterWhatWentThrough() {
        OpenFile tty = terminal.open();
        console.closeOutputAfter(5000);
        assertEquals(4096, tty.write(call, BASE, 10_000), "the first chunk went through, the second was refused");
        assertEquals(4096, console.bytesWritten());
        assertEquals(-Errno.EPIPE, tty.write(call, BASE, 10), "the reader is gone: EPIPE (write raises SIGPIPE)");
        assertEquals(-Errno.EPIPE, tty.write(call, BASE, 10));
        assertEquals(4096, console.bytesWritten(), "nothing more reached the host");
    }

    @Test
    void aWriteTheHostRefusesAtOnceIsEpipeNotEfault() {
        OpenFile tty = terminal.open();
        console.closeOutputAfter(0);
        assertEquals(-Errno.EPIPE, tty.write(call, BASE, 3));
        assertEquals(0, console.bytesWritten());
        assertEquals(0, tty.write(call, BASE, 0), "an empty write transmits nothing and succeeds, as on a pipe");
    }
}
