package osbox.hw.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import osbox.testkit.hw.FakeInterruptController;

class ConsoleDeviceTest {
    private static final Executor DIRECT = Runnable::run;
    private final FakeInterruptController intc = new FakeInterruptController();

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** An output stream that counts flushes. */
    private static final class CountingOut extends ByteArrayOutputStream {
        int flushes;

        @Override
        public void flush() {
            flushes++;
        }
    }

    // Reads everything until end of input, draining the queue whenever nothing is buffered.
    private static String readAll(ConsoleDevice console, SafePointQueue q) throws InterruptedException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[1000];
        while (true) {
            q.drainUntil(console::readable);
            int n = console.read(buf, 0, buf.length);
            if (n < 0) {
                return got.toString(StandardCharsets.US_ASCII);
            }
            assertTrue(n > 0, "a readable console gives at least one byte or end of input");
            got.write(buf, 0, n);
        }
    }

    @Test
    void allocatesItsSourceAndEnablesItForHartZero() {
        SafePointQueue q = new SafePointQueue();
        ConsoleDevice console = new ConsoleDevice(q, intc);
        assertEquals(List.of("console"), intc.sources());
        assertEquals(1, console.interruptSource());
        assertFalse(intc.enabled(0, 1), "enabling waits for the safe point");
        q.drain();
        assertTrue(intc.enabled(0, 1));
    }

    @Test
    void anUnconnectedConsoleHasNothingToReadAndIsNotAtEnd() {
        ConsoleDevice console = new ConsoleDevice(DIRECT, intc);
        assertFalse(console.readable());
        assertEquals(0, console.read(new byte[4], 0, 4));
        console.write(ascii("lost"), 0, 4);
        assertEquals(4, console.bytesWritten(), "discarded bytes still count as transmitted");
    }

    @Test
    void writesReachTheHostStreamFlushedAndCounted() {
        ConsoleDevice console = new ConsoleDevice(DIRECT, intc);
        CountingOut out = new CountingOut();
        console.connect(null, out);
        console.write(ascii("hello, world\n"), 0, 13);
        assertEquals("hello, world\n", out.toString(StandardCharsets.US_ASCII));
        assertEquals(1, out.flushes, "every write call ends with a flush");
        console.write(ascii("xxabcxx"), 2, 3);
        assertEquals("hello, world\nabc", out.toString(StandardCharsets.US_ASCII));
        assertEquals(2, out.flushes);
        assertEquals(16, console.bytesWritten());
    }

    @Test
    void aFailingHostOutputIsDroppedNotThrown() {
        ConsoleDevice console = new ConsoleDevice(DIRECT, intc);
        int[] attempts = {0};
        console.connect(null, new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                attempts[0]++;
                throw new IOException("broken pipe");
            }
        });
        assertFalse(console.outputClosed());
        console.write(ascii("ab"), 0, 2);
        assertTrue(console.outputClosed(), "a refused write closes the output");
        console.write(ascii("cd"), 0, 2);
        assertEquals(1, attempts[0], "after the first failure output is discarded");
        assertEquals(4, console.bytesWritten());
        console.connect(null, new ByteArrayOutputStream());
        assertFalse(console.outputClosed(), "a new connection opens the output again");
    }

    @Test
    void aPrintStreamThatSwallowedABrokenPipeClosesTheOutput() {
        ConsoleDevice console = new ConsoleDevice(DIRECT, intc);
        int[] attempts = {0};
        // what System.out does when the reader of its pipe has gone: the IOException sets its error flag
        console.connect(null, new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                attempts[0]++;
                throw new IOException("Broken pipe");
            }
        }, true));
        console.write(ascii("ab"), 0, 2);
        assertTrue(console.outputClosed());
        console.write(ascii("cd"), 0, 2);
        assertEquals(1, attempts[0], "after the first failure output is discarded");
    }

    /** An endless host input (as /dev/zero) that counts what the reader took from it. */
    private static final class EndlessInput extends InputStream {
        final java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public int read() {
            served.incrementAndGet();
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 0);
            served.addAndGet(len);
            return len;
        }
    }

    @Test
    void anEndlessInputIsReadOnlyAsFastAsTheProgramTakesIt() throws Exception {
        SafePointQueue q = new SafePointQueue();
        ConsoleDevice console = new ConsoleDevice(q, intc);
        EndlessInput zero = new EndlessInput();
        console.connect(zero, null);
        long window = HostInput.WINDOW;
        q.drainUntil(() -> console.buffered() >= window);
        assertEquals(window, console.buffered(), "the reader stops at the window");
        assertTrue(zero.served.get() <= window + HostInput.CHUNK, "at most one chunk more was read from the host");
        byte[] buf = new byte[HostInput.CHUNK];
        assertEquals(HostInput.CHUNK, console.read(buf, 0, buf.length));
        q.drainUntil(() -> console.bytesReceived() > window);
        assertTrue(console.buffered() <= window, "reading made room for one more chunk, no more");
        console.disconnect();
    }

    @Test
    void discardingOutputByChoiceIsNotAClosedOutput() {
        ConsoleDevice console = new ConsoleDevice(DIRECT, intc);
        console.connect(null, null);
        console.write(ascii("ab"), 0, 2);
        assertFalse(console.outputClosed());
        assertEquals(2, console.bytesWritten());
    }

    @Test
    void noInputMeansEndOfInputAtTheNextSafePoint() {
        SafePointQueue q = new SafePointQueue();
        ConsoleDevice console = new ConsoleDevice(q, intc);
        q.drain();
        console.connect(null, null);
        assertEquals(0, console.read(new byte[4], 0, 4), "nothing happens before the safe point");
        assertEquals(0, intc.raised().size());
        q.drain();
        assertTrue(console.readable());
        assertEquals(-1, console.read(new byte[4], 0, 4));
        assertEquals(-1, console.read(new byte[4], 0, 4), "end of input stays");
        assertEquals(List.of(1), intc.raised(), "end of input raises the source");
    }

    @Test
    void noInputWithADirectExecutorIsAtEndAtOnce() {
        ConsoleDevice console = new ConsoleDevice(DIRECT, intc);
        console.connect(null, null);
        assertEquals(-1, console.read(new byte[1], 0, 1));
    }

    @Test
    void bytesArriveInOrderThenEndOfInput() throws Exception {
        SafePointQueue q = new SafePointQueue();
        ConsoleDevice console = new ConsoleDevice(q, intc);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append(i).append(' ');
        }
        console.connect(new ByteArrayInputStream(ascii(text.toString())), null);
        assertEquals(text.toString(), readAll(console, q));
        assertEquals(text.length(), console.bytesRead());
        assertEquals(text.length(), console.bytesReceived());
        assertTrue(intc.raised().size() >= 3, "at least two 4 KiB chunks and the end raise the source");
    }

    @Test
    void eachArrivalRaisesTheInterruptAndReadsTakeWhatIsBuffered() throws Exception {
        SafePointQueue q = new SafePointQueue();
        ConsoleDevice console = new ConsoleDevice(q, intc);
        q.drain();
        PipedOutputStream host = new PipedOutputStream();
        console.connect(new PipedInputStream(host), null);
        assertEquals(0, console.read(new byte[8], 0, 8), "nothing yet, not at end");

        host.write(ascii("abc"));
        host.flush();
        q.drainUntil(() -> console.buffered() == 3);
        assertEquals(List.of(1), intc.raised());
        byte[] buf = new byte[8];
        assertEquals(2, console.read(buf, 0, 2));
        assertEquals(1, console.read(buf, 2, 6));
        assertArrayEquals(ascii("abc"), java.util.Arrays.copyOf(buf, 3));
        assertEquals(0, console.read(buf, 0, 8));

        host.write(ascii("d"));
        host.close();
        assertEquals("d", readAll(console, q));
        assertEquals(List.of(1, 1, 1), intc.raised(), "a chunk, a chunk, the end");
    }

    @Test
    void bytesReachTheBufferOnlyThroughTheSafePoint() throws Exception {
        SafePointQueue q = new SafePointQueue();
        ConsoleDevice console = new ConsoleDevice(q, intc);
        q.drain();
        console.connect(new ByteArrayInputStream(ascii("xyz")), null);
        long waitUntil = System.nanoTime() + 10_000_000_000L;
        while (q.size() < 2 && System.nanoTime() < waitUntil) {
            Thread.onSpinWait();
        }
        assertEquals(2, q.size(), "the reader queued a chunk and the end");
        assertEquals(0, console.buffered(), "nothing is buffered until the simulation runs the tasks");
        assertEquals(0, intc.raised().size());
        q.drain();
        assertEquals(3, console.buffered());
        assertEquals(2, intc.raised().size());
    }

    @Test
    void reconnectingIgnoresTheOldReadersLateTasksAndStartsAfresh() throws Exception {
        SafePointQueue q = new SafePointQueue();
        ConsoleDevice console = new ConsoleDevice(q, intc);
        q.drain();
        console.connect(new ByteArrayInputStream(ascii("old")), null);
        long waitUntil = System.nanoTime() + 10_000_000_000L;
        while (q.size() < 2 && System.nanoTime() < waitUntil) {
            Thread.onSpinWait();
        }
        assertEquals(2, q.size(), "the old reader's chunk and end are queued");
        console.connect(new ByteArrayInputStream(ascii("new")), null);
        assertEquals("new", readAll(console, q));
        assertEquals(3, console.bytesReceived(), "the stale chunk was never received");
    }

    @Test
    void reconnectingClearsAnEarlierEndOfInput() throws Exception {
        SafePointQueue q = new SafePointQueue();
        ConsoleDevice console = new ConsoleDevice(q, intc);
        console.connect(null, null);
        q.drain();
        assertEquals(-1, console.read(new byte[1], 0, 1));
        PipedOutputStream host = new PipedOutputStream();
        console.connect(new PipedInputStream(host), null);
        assertFalse(console.readable(), "the new connection is not at end of input");
        assertEquals(0, console.read(new byte[1], 0, 1));
        host.write('k');
        host.close();
        assertEquals("k", readAll(console, q));
    }

    @Test
    void reconnectingTheSameStreamKeepsItsReader() throws Exception {
        SafePointQueue q = new SafePointQueue();
        ConsoleDevice console = new ConsoleDevice(q, intc);
        PipedOutputStream host = new PipedOutputStream();
        InputStream in = new PipedInputStream(host);
        console.connect(in, null);
        host.write(ascii("ab"));
        host.flush();
        q.drainUntil(() -> console.buffered() == 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        console.connect(in, out);
        assertEquals(2, console.buffered(), "bytes from the same stream are kept");
        host.write('c');
        host.close();
        assertEquals("abc", readAll(console, q));
        console.write(ascii("!"), 0, 1);
        assertEquals("!", out.toString(StandardCharsets.US_ASCII), "the new output is used");
    }

    @Test
    void disconnectFlushesAndDropsTheConnection() throws Exception {
        SafePointQueue q = new SafePointQueue();
        ConsoleDevice console = new ConsoleDevice(q, intc);
        CountingOut out = new CountingOut();
        console.connect(new ByteArrayInputStream(ascii("late")), out);
        long waitUntil = System.nanoTime() + 10_000_000_000L;
        while (q.size() < 3 && System.nanoTime() < waitUntil) {
            Thread.onSpinWait();
        }
        console.disconnect();
        assertEquals(1, out.flushes);
        q.drain();
        assertEquals(0, console.buffered());
        assertFalse(console.readable(), "a disconnected console is not at end of input");
        console.write(ascii("x"), 0, 1);
        assertEquals(0, out.size());
    }

    @Test
    void badArgumentsAreRefusedLoudly() {
        ConsoleDevice console = new ConsoleDevice(DIRECT, intc);
        assertThrows(IllegalArgumentException.class, () -> console.write(new byte[4], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> console.read(new byte[4], -1, 1));
        assertThrows(IllegalArgumentException.class, () -> console.read(null, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ConsoleDevice(null, intc));
        assertThrows(IllegalArgumentException.class, () -> new ConsoleDevice(DIRECT, null));
    }
}
