package osbox.kernel.core.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallHandler;
import osbox.testkit.syscall.ArrayUserMemory;
import osbox.testkit.syscall.CountingWaitQueue;
import osbox.testkit.syscall.FakeSyscall;

/**
 * The pipe alone: a 64 KiB ring with counted ends. Empty and full, closed
 * ends (end of file, EPIPE), atomic and partial writes, non-blocking EAGAIN,
 * bad buffers, and who is woken when.
 */
class PipeTest {
    static final long BASE = 0x20000;
    private final CountingWaitQueue readers = new CountingWaitQueue("readers");
    private final CountingWaitQueue writers = new CountingWaitQueue("writers");
    private final ArrayUserMemory memory = new ArrayUserMemory(BASE, 2 * Pipe.CAPACITY);
    private final FakeSyscall c = new FakeSyscall(memory);

    // A new pipe; the calls from here on work on an O_NONBLOCK description when nonBlocking.
    private Pipe pipe(boolean nonBlocking) {
        c.setNonBlocking(nonBlocking);
        return new Pipe(3, readers, writers);
    }

    // Puts bytes in the caller's memory at BASE + off.
    private void user(int off, byte[] b) {
        System.arraycopy(b, 0, memory.bytes(), off, b.length);
    }

    private static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + seed);
        }
        return b;
    }

    @Test
    void whatIsWrittenIsReadInOrderAndAShortReadLeavesTheRest() {
        Pipe p = pipe(false);
        OpenFile r = p.readEnd();
        OpenFile w = p.writeEnd();
        user(0, "hello, pipe".getBytes());
        assertEquals(11, w.write(c, BASE, 11));
        assertEquals(11, p.buffered());
        assertEquals(11, r.size(), "st_size of a pipe: the bytes waiting");
        assertEquals(1, readers.wakeCalls(), "a write wakes the readers");
        assertEquals(5, r.read(c, BASE + 100, 5));
        assertEquals("hello", new String(memory.bytes(), 100, 5));
        assertEquals(1, writers.wakeCalls(), "a read wakes the writers");
        assertEquals(6, r.read(c, BASE + 200, 100), "only what is there");
        assertEquals(", pipe", new String(memory.bytes(), 200, 6));
        assertEquals(0, p.buffered());
    }

    @Test
    void anEmptyPipeWithAWriterPutsTheReaderToSleepOrAnswersEagain() {
        Pipe blocking = pipe(false);
        OpenFile r = blocking.readEnd();
        blocking.writeEnd();
        assertEquals(SyscallHandler.RESTART, r.read(c, BASE, 10));
        assertEquals(List.of(readers), c.sleeps(), "asleep on the readers' queue");
        Pipe nonBlocking = pipe(true);
        OpenFile nr = nonBlocking.readEnd();
        nonBlocking.writeEnd();
        assertEquals(-Errno.EAGAIN, nr.read(c, BASE, 10));
        assertEquals(1, c.sleeps().size(), "O_NONBLOCK never sleeps");
    }

    @Test
    void endOfFileComesOnceTheLastWriterClosedAndTheBytesAreRead() {
        Pipe p = pipe(false);
        OpenFile r = p.readEnd();
        OpenFile w1 = p.writeEnd();
        OpenFile w2 = p.writeEnd();
        user(0, new byte[] {1, 2, 3});
        assertEquals(3, w1.write(c, BASE, 3));
        w1.release();
        int wakes = readers.wakeCalls();
        w2.release();
        assertEquals(wakes + 1, readers.wakeCalls(), "the last writer's close wakes sleeping readers");
        assertEquals(3, r.read(c, BASE + 10, 8), "bytes written before the close are still read");
        assertEquals(0, r.read(c, BASE + 10, 8), "then end of file");
        assertEquals(0, pipe(true).readEnd().read(c, BASE, 8), "no writer at all: end of file, not EAGAIN");
        assertTrue(c.sleeps().isEmpty());
    }

    @Test
    void aWriteWithNoReaderLeftIsEpipeAndAddsNothing() {
        Pipe p = pipe(false);
        OpenFile r = p.readEnd();
        OpenFile w = p.writeEnd();
        int wakes = writers.wakeCalls();
        r.release();
        assertEquals(wakes + 1, writers.wakeCalls(), "the last reader's close wakes sleeping writers");
        assertEquals(-Errno.EPIPE, w.write(c, BASE, 10));
        assertEquals(0, p.buffered());
        assertEquals(-Errno.EPIPE, pipe(true).writeEnd().write(c, BASE, 1), "EPIPE before EAGAIN");
        assertTrue(c.sleeps().isEmpty(), "a broken pipe never sleeps");
    }

    @Test
    void aFullPipePutsTheWriterToSleepOrAnswersEagain() {
        Pipe p = pipe(false);
        p.readEnd();
        OpenFile w = p.writeEnd();
        assertEquals(Pipe.CAPACITY, w.write(c, BASE, Pipe.CAPACITY));
        assertEquals(SyscallHandler.RESTART, w.write(c, BASE, 1));
        assertEquals(List.of(writers), c.sleeps());
        Pipe n = pipe(true);
        n.readEnd();
        OpenFile nw = n.writeEnd();
        assertEquals(Pipe.CAPACITY, nw.write(c, BASE, Pipe.CAPACITY));
        assertEquals(-Errno.EAGAIN, nw.write(c, BASE, 1));
    }

    @Test
    void writesUpToPipeBufAreAtomicAndLongerOnesTakeWhatRoomThereIs() {
        Pipe p = pipe(true);
        OpenFile r = p.readEnd();
        OpenFile w = p.writeEnd();
        int room = 100;
        assertEquals(Pipe.CAPACITY - room, w.write(c, BASE, Pipe.CAPACITY - room));
        // PIPE_BUF bytes do not fit in 100: all or nothing, so nothing (EAGAIN here, a sleep if blocking)
        assertEquals(-Errno.EAGAIN, w.write(c, BASE, Pipe.PIPE_BUF));
        assertEquals(Pipe.CAPACITY - room, p.buffered());
        assertEquals(room, w.write(c, BASE, room), "exactly the room: fits");
        // a write longer than PIPE_BUF is partial: the room it finds
        assertEquals(Pipe.PIPE_BUF, r.read(c, BASE + Pipe.CAPACITY, Pipe.PIPE_BUF));
        assertEquals(Pipe.PIPE_BUF, w.write(c, BASE, Pipe.PIPE_BUF + 1000));
        assertEquals(Pipe.CAPACITY, p.buffered());
    }

    @Test
    void bytesSurviveTheRingWrappingAround() {
        Pipe p = pipe(false);
        OpenFile r = p.readEnd();
        OpenFile w = p.writeEnd();
        byte[] first = pattern(Pipe.CAPACITY - 10, 1);
        user(0, first);
        assertEquals(first.length, w.write(c, BASE, first.length));
        assertEquals(first.length - 20, r.read(c, BASE + Pipe.CAPACITY, first.length - 20));
        byte[] second = pattern(1000, 9);
        user(0, second);
        assertEquals(1000, w.write(c, BASE, 1000), "written across the end of the ring");
        assertEquals(1020, r.read(c, BASE + Pipe.CAPACITY, 5000));
        byte[] got = Arrays.copyOfRange(memory.bytes(), Pipe.CAPACITY, Pipe.CAPACITY + 1020);
        assertArrayEquals(Arrays.copyOfRange(first, first.length - 20, first.length), Arrays.copyOf(got, 20));
        assertArrayEquals(second, Arrays.copyOfRange(got, 20, 1020));
    }

    @Test
    void aBadBufferIsEfaultAndMovesNoByte() {
        Pipe p = pipe(false);
        OpenFile r = p.readEnd();
        OpenFile w = p.writeEnd();
        assertEquals(-Errno.EFAULT, w.write(c, BASE - 4, 8), "a source straddling the start of memory");
        assertEquals(0, p.buffered());
        user(0, new byte[] {5, 6, 7, 8});
        assertEquals(4, w.write(c, BASE, 4));
        assertEquals(-Errno.EFAULT, r.read(c, 0x10, 4), "a destination outside memory");
        assertEquals(4, p.buffered(), "the bytes stay for the next read");
        assertEquals(4, r.read(c, BASE + 8, 4));
        assertArrayEquals(new byte[] {5, 6, 7, 8}, Arrays.copyOfRange(memory.bytes(), 8, 12));
    }

    @Test
    void eachEndOnlyGoesOneWayAndDescribesItself() {
        Pipe p = pipe(false);
        OpenFile r = p.readEnd();
        OpenFile w = p.writeEnd();
        assertEquals(-Errno.EBADF, r.write(c, BASE, 1));
        assertEquals(-Errno.EBADF, w.read(c, BASE, 1));
        assertEquals(OpenFile.S_IFIFO | 0600, r.mode());
        assertEquals("pipe:[3] read end", r.describe());
        assertEquals("pipe:[3] write end", w.describe());
        assertEquals(-Errno.ESPIPE, r.seek(c, 0, 0), "a stream cannot seek");
    }

    @Test
    void openFilesNumberPipesAndInodesInCreationOrder() {
        List<String> made = new java.util.ArrayList<>();
        OpenFiles files = new OpenFiles(name -> {
            made.add(name);
            return new CountingWaitQueue(name);
        });
        Pipe one = files.newPipe();
        Pipe two = files.newPipe();
        assertEquals(List.of("pipe:[1] readers", "pipe:[1] writers", "pipe:[2] readers", "pipe:[2] writers"), made);
        FileRef a = files.wrap(one.readEnd(), OpenFile.O_RDONLY);
        FileRef b = files.wrap(two.writeEnd(), OpenFile.O_WRONLY | OpenFile.O_NONBLOCK);
        assertEquals(1, a.inode);
        assertEquals(2, b.inode);
        assertEquals("pipe:[2] write end", b.file.describe());
        assertEquals(OpenFile.O_WRONLY | OpenFile.O_NONBLOCK, b.statusFlags(), "the description keeps its flags");
        assertTrue(b.nonBlocking());
    }
}
