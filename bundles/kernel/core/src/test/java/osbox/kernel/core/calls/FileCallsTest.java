package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.Syscalls;
import osbox.api.kernel.WaitStatus;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.files.Pipe;
import osbox.kernel.core.proc.Process;

/**
 * The descriptor calls' Linux edge cases, on pipes, through the kernel's
 * trap path on a bench: read, write, readv and writev (EBADF, EFAULT,
 * EINVAL, short transfers, SIGPIPE), pipe2, dup, dup3 and fcntl's flags,
 * close, fstat, lseek.
 */
class FileCallsTest {
    static final long KERNEL = 0xffff_ffc0_0000_0000L;
    private final KernelBench k = new KernelBench();
    private Process p;
    /** Scratch memory: two pages. */
    private long buf;
    private int rfd;
    private int wfd;

    @BeforeEach
    void start() throws Exception {
        p = k.spawn("files");
        buf = k.map(p, 2);
        assertEquals(0, k.call(p, Syscalls.PIPE2, buf, Fds.O_NONBLOCK));
        rfd = k.intAt(p, buf);
        wfd = k.intAt(p, buf + 4);
    }

    private void put(long va, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        assertTrue(p.userMemory().write(va, b, 0, b.length));
    }

    private String get(long va, int n) {
        return new String(k.bytes(p, va, n), StandardCharsets.US_ASCII);
    }

    // Writes one iovec {base, len} at va.
    private void iovec(long va, long base, long len) {
        assertTrue(p.userMemory().writeLong(va, base));
        assertTrue(p.userMemory().writeLong(va + 8, len));
    }

    @Test
    void pipe2TakesTheLowestFreeDescriptorsAndChecksItsFlags() {
        assertEquals(0, rfd, "no terminal on the bench: 0 and 1 are free");
        assertEquals(1, wfd);
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PIPE2, buf, 0x1), "an unknown flag");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.PIPE2, KERNEL, 0));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.PIPE2, 0, 0), "NULL");
        assertEquals(2, p.files().count(), "a failed pipe2 leaves no descriptor open");
        assertEquals(0, k.call(p, Syscalls.PIPE2, buf + 16, Fds.O_CLOEXEC));
        assertEquals(1, k.call(p, Syscalls.FCNTL, k.intAt(p, buf + 16), 1, 0), "O_CLOEXEC: FD_CLOEXEC set");
        assertEquals(0, k.call(p, Syscalls.FCNTL, rfd, 1, 0));
    }

    @Test
    void readAndWriteMoveBytesAndCheckDescriptorsAndBuffers() {
        put(buf + 100, "abcdefgh");
        assertEquals(8, k.call(p, Syscalls.WRITE, wfd, buf + 100, 8));
        assertEquals(3, k.call(p, Syscalls.READ, rfd, buf + 200, 3));
        assertEquals("abc", get(buf + 200, 3));
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.READ, 77, buf, 1), "not open");
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.READ, -1, buf, 1));
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.WRITE, rfd, buf, 1), "the read end");
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.READ, wfd, buf, 1), "the write end");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.READ, rfd, KERNEL, 1));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.READ, rfd, buf, 1L << 40), "a range past the user half");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.WRITE, wfd, buf, -1L), "a negative count is huge");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.READ, rfd, 0x3000_0000L, 4), "nothing mapped");
        assertEquals(5, k.call(p, Syscalls.READ, rfd, buf + 300, 100), "the failed reads took nothing");
        assertEquals("defgh", get(buf + 300, 5));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.READ, rfd, KERNEL, 0), "access_ok even for no bytes");
        assertEquals(0, k.call(p, Syscalls.READ, rfd, buf, 0), "a zero count reads nothing");
        assertEquals(-Errno.EAGAIN, k.call(p, Syscalls.READ, rfd, buf, 1), "empty and O_NONBLOCK");
    }

    @Test
    void readvAndWritevCheckTheWholeVectorFirst() {
        long iov = buf + 1024;
        put(buf, "0123456789");
        iovec(iov, buf, 4);
        iovec(iov + 16, buf + 4, 6);
        assertEquals(10, k.call(p, Syscalls.WRITEV, wfd, iov, 2));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.READV, rfd, iov, -1), "a negative count");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.READV, rfd, iov, Fds.IOV_MAX + 1), "beyond IOV_MAX");
        assertEquals(0, k.call(p, Syscalls.READV, rfd, KERNEL, 0), "no buffers: nothing read");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.READV, rfd, KERNEL, 1), "the vector itself is bad");
        iovec(iov + 32, buf + 2048, -5);
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.READV, rfd, iov + 32, 1), "a negative length");
        iovec(iov + 48, KERNEL, 4);
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.READV, rfd, iov + 32 + 16, 1), "a bad buffer");
        iovec(iov + 64, buf + 2048, 4);
        iovec(iov + 80, KERNEL, 4);
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.READV, rfd, iov + 64, 2), "checked before anything moves");
        iovec(iov + 96, buf + 2048, 3);
        iovec(iov + 112, buf + 2060, 100);
        assertEquals(10, k.call(p, Syscalls.READV, rfd, iov + 96, 2), "scattered, stopping short at the end");
        assertEquals("012", get(buf + 2048, 3));
        assertEquals("3456789", get(buf + 2060, 7));
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.WRITEV, 99, iov, 1));
    }

    @Test
    void aWriteToAPipeWithoutReadersIsEpipeAndSigpipeKillsTheWriter() {
        assertEquals(0, k.call(p, Syscalls.CLOSE, rfd));
        KernelBench.Answer a = k.ecall(p, Syscalls.WRITE, wfd, buf, 1);
        assertEquals(-Errno.EPIPE, a.a0(), "the call answers EPIPE");
        assertEquals(ProcessState.ZOMBIE, p.state());
        assertEquals(WaitStatus.signaled(Signals.SIGPIPE, false), p.waitStatus());
        assertTrue(p.killReport().contains("write to a pipe with no readers"), p.killReport());
    }

    @Test
    void writevToABrokenPipeRaisesSigpipeToo() {
        assertEquals(0, k.call(p, Syscalls.CLOSE, rfd));
        iovec(buf + 64, buf, 1);
        assertEquals(-Errno.EPIPE, k.ecall(p, Syscalls.WRITEV, wfd, buf + 64, 1).a0());
        assertEquals(WaitStatus.signaled(Signals.SIGPIPE, false), p.waitStatus());
    }

    @Test
    void aBlockingReadSleepsUntilAnotherProcessWrites() {
        assertEquals(0, k.call(p, Syscalls.PIPE2, buf, 0));
        int r = k.intAt(p, buf);
        int w = k.intAt(p, buf + 4);
        Process child = k.process(k.call(p, Syscalls.CLONE, 17, 0, 0, 0, 0));
        k.sleeps(p, Syscalls.READ, r, buf + 512, 16);
        assertTrue(child.userMemory().write(buf + 256, "wake up".getBytes(), 0, 7));
        assertEquals(7, k.call(child, Syscalls.WRITE, w, buf + 256, 7));
        k.settle();
        assertEquals(ProcessState.RUNNING, p.state(), "the write woke the reader");
        assertEquals(7, k.call(p, Syscalls.READ, r, buf + 512, 16), "the restarted read gets the bytes");
        assertEquals("wake up", get(buf + 512, 7));
    }

    @Test
    void dupAndDup3ShareTheOpenFileAndDup3FollowsLinuxsOrderOfChecks() {
        int d = (int) k.call(p, Syscalls.DUP, wfd);
        assertEquals(2, d, "the lowest free descriptor");
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.DUP, 50));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.DUP3, wfd, 10, 0x1), "an unknown flag");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.DUP3, wfd, wfd, 0), "the same descriptor");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.DUP3, 50, 50, 0), "the same, even closed: EINVAL first");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.DUP3, 50, 10, 0x1), "flags before descriptors");
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.DUP3, 50, 10, 0), "oldfd not open");
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.DUP3, wfd, 1024, 0), "newfd beyond the table");
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.DUP3, wfd, -1, 0), "-1 is a huge unsigned descriptor");
        assertEquals(10, k.call(p, Syscalls.DUP3, wfd, 10, Fds.O_CLOEXEC));
        assertEquals(1, k.call(p, Syscalls.FCNTL, 10, 1, 0), "dup3's O_CLOEXEC");
        assertEquals(0, k.call(p, Syscalls.FCNTL, d, 1, 0), "dup never sets it");
        int reader = (int) k.call(p, Syscalls.DUP, rfd);
        assertEquals(rfd, k.call(p, Syscalls.DUP3, wfd, rfd, 0), "newfd open: closed first");
        put(buf, "xy");
        assertEquals(2, k.call(p, Syscalls.WRITE, rfd, buf, 2), "rfd now writes the same pipe");
        assertEquals(2, k.call(p, Syscalls.READ, reader, buf + 8, 8));
        assertEquals(4, p.files().get(wfd).references(), "wfd, d, 10 and rfd");
    }

    @Test
    void fcntlDuplicatesFromAMinimumAndKeepsTheCloseOnExecFlag() {
        assertEquals(5, k.call(p, Syscalls.FCNTL, wfd, 0, 5), "F_DUPFD: the lowest at or above 5");
        assertEquals(6, k.call(p, Syscalls.FCNTL, wfd, 0, 5));
        assertEquals(7, k.call(p, Syscalls.FCNTL, wfd, 1030, 5), "F_DUPFD_CLOEXEC");
        assertEquals(1, k.call(p, Syscalls.FCNTL, 7, 1, 0));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.FCNTL, wfd, 0, -1));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.FCNTL, wfd, 0, 1024), "at or beyond RLIMIT_NOFILE");
        assertEquals(0, k.call(p, Syscalls.FCNTL, wfd, 2, 1), "F_SETFD");
        assertEquals(1, k.call(p, Syscalls.FCNTL, wfd, 1, 0));
        assertEquals(0, k.call(p, Syscalls.FCNTL, wfd, 2, 0));
        assertEquals(0, k.call(p, Syscalls.FCNTL, wfd, 1, 0));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.FCNTL, wfd, 12345, 0), "an unknown command");
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.FCNTL, 99, 1, 0));
    }

    @Test
    void fcntlStatusFlagsBelongToTheOpenFileDescriptionAndDecideBlocking() {
        assertEquals(OpenFile.O_WRONLY | OpenFile.O_NONBLOCK, k.call(p, Syscalls.FCNTL, wfd, 3, 0),
                "F_GETFL of pipe2's write end");
        assertEquals(OpenFile.O_RDONLY | OpenFile.O_NONBLOCK, k.call(p, Syscalls.FCNTL, rfd, 3, 0));
        assertEquals(-Errno.EAGAIN, k.call(p, Syscalls.READ, rfd, buf, 1), "O_NONBLOCK: EAGAIN on an empty pipe");
        long dup = k.call(p, Syscalls.DUP, rfd);
        assertEquals(0, k.call(p, Syscalls.FCNTL, rfd, 4, OpenFile.O_APPEND | OpenFile.O_RDWR),
                "F_SETFL clears O_NONBLOCK, sets O_APPEND and ignores the access mode");
        assertEquals(OpenFile.O_RDONLY | OpenFile.O_APPEND, k.call(p, Syscalls.FCNTL, dup, 3, 0),
                "a dup shares the description's flags");
        k.sleeps(p, Syscalls.READ, dup, buf, 1);      // blocking again: the read sleeps
    }

    @Test
    void closeFstatAndLseek() {
        long st = buf + 1024;
        put(buf, "abc");
        assertEquals(3, k.call(p, Syscalls.WRITE, wfd, buf, 3));
        assertEquals(0, k.call(p, Syscalls.FSTAT, rfd, st));
        assertEquals(OpenFile.S_IFIFO | 0600, k.intAt(p, st + 16), "st_mode");
        assertEquals(3, k.intAt(p, st + 48), "st_size: the bytes waiting");
        assertEquals(4096, k.intAt(p, st + 56), "st_blksize");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.FSTAT, rfd, KERNEL));
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.FSTAT, 40, st));
        assertEquals(-Errno.ESPIPE, k.call(p, Syscalls.LSEEK, rfd, 0, 0), "a pipe cannot seek");
        assertEquals(-Errno.ENOTTY, k.call(p, Syscalls.IOCTL, rfd, 0x5401, 0), "not a terminal");
        assertEquals(0, k.call(p, Syscalls.CLOSE, rfd));
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.CLOSE, rfd), "closed twice");
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.LSEEK, rfd, 0, 0));
    }

    @Test
    void aLongWriteToAFullNonBlockingPipeIsPartialThenEagain() {
        long big = k.map(p, 20);
        assertEquals(Pipe.CAPACITY, k.call(p, Syscalls.WRITE, wfd, big, 80_000), "what fits");
        assertEquals(-Errno.EAGAIN, k.call(p, Syscalls.WRITE, wfd, big, 1));
        assertEquals(Pipe.CAPACITY, k.call(p, Syscalls.READ, rfd, big, 100_000));
    }
}
