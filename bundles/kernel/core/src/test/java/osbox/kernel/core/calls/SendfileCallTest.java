package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.fs.OpenFlags;
import osbox.kernel.core.proc.Process;

/**
 * sendfile on a bench through the trap path: a /host file into a pipe
 * with offset NULL (the file offset moves) and with an offset (it does
 * not; *offset does), count and the end of the file, /dev/null and
 * /dev/full as outputs, a full pipe, SIGPIPE, and Linux's errors in order.
 */
class SendfileCallTest {
    static final int SENDFILE = 71, AT_FDCWD = -100, SEEK_CUR = 1;
    static final String TEXT = "line one\nline two\nline three\n";
    @TempDir
    Path host;
    private KernelBench k;
    private Process p;
    private long buf;
    private long file;
    private int rfd;
    private int wfd;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(host.resolve("a.txt"), TEXT);
        Files.createDirectories(host.resolve("dir"));
        k = new KernelBench(2, 16L << 20, host);
        p = k.spawn("sendfile");
        buf = k.map(p, 4);
        assertEquals(0, k.call(p, Syscalls.PIPE2, buf, Fds.O_NONBLOCK));
        rfd = k.intAt(p, buf);
        wfd = k.intAt(p, buf + 4);
        file = open("/host/a.txt", OpenFlags.O_RDONLY);
    }

    private long open(String path, int flags) {
        k.putString(p, buf + 3 * 4096, path);
        long fd = k.call(p, Syscalls.OPENAT, AT_FDCWD, buf + 3 * 4096, flags, 0);
        assertTrue(fd >= 0, path + ": " + fd);
        return fd;
    }

    private String drain() {
        long n = k.call(p, Syscalls.READ, rfd, buf + 4096, 4096);
        return n <= 0 ? "" : new String(k.bytes(p, buf + 4096, (int) n), StandardCharsets.US_ASCII);
    }

    private long offsetAt(long va) {
        long[] v = new long[1];
        assertTrue(p.userMemory().readLong(va, v));
        return v[0];
    }

    @Test
    void withoutAnOffsetItReadsAtTheFileOffsetAndMovesIt() {
        assertEquals(9, k.call(p, SENDFILE, wfd, file, 0, 9));
        assertEquals("line one\n", drain());
        assertEquals(9, k.call(p, Syscalls.LSEEK, file, 0, SEEK_CUR), "the file offset moved");
        assertEquals(TEXT.length() - 9, k.call(p, SENDFILE, wfd, file, 0, 1000), "count past the end");
        assertEquals("line two\nline three\n", drain());
        assertEquals(0, k.call(p, SENDFILE, wfd, file, 0, 10), "at the end of the file");
    }

    @Test
    void withAnOffsetItLeavesTheFileOffsetAndUpdatesTheOffset() {
        long off = buf + 2048;
        assertTrue(p.userMemory().writeLong(off, 5));
        assertEquals(3, k.call(p, SENDFILE, wfd, file, off, 3));
        assertEquals("one", drain());
        assertEquals(8, offsetAt(off), "*offset is past the bytes sent");
        assertEquals(0, k.call(p, Syscalls.LSEEK, file, 0, SEEK_CUR), "the file offset did not move");
        assertEquals(0, k.call(p, SENDFILE, wfd, file, off, 0), "count 0");
        assertTrue(p.userMemory().writeLong(off, 1000));
        assertEquals(0, k.call(p, SENDFILE, wfd, file, off, 5), "past the end");
        assertEquals(1000, offsetAt(off));
    }

    @Test
    void devicesAsOutputs() {
        long devNull = open("/dev/null", OpenFlags.O_WRONLY);
        assertEquals(TEXT.length(), k.call(p, SENDFILE, devNull, file, 0, 1 << 20));
        long full = open("/dev/full", OpenFlags.O_WRONLY);
        long off = buf + 2048;
        assertTrue(p.userMemory().writeLong(off, 0));
        assertEquals(-Errno.ENOSPC, k.call(p, SENDFILE, full, file, off, 4));
        assertEquals(0, offsetAt(off), "nothing sent, *offset unchanged");
        long zero = open("/dev/zero", OpenFlags.O_RDONLY);
        assertEquals(100, k.call(p, SENDFILE, wfd, zero, 0, 100), "a device as input");
    }

    @Test
    void aFullPipeTakesWhatFitsAndANonBlockingOneAnswersEagain() {
        long zero = open("/dev/zero", OpenFlags.O_RDONLY);
        long sent = k.call(p, SENDFILE, wfd, zero, 0, 1 << 20);
        assertTrue(sent > 0 && sent < 1 << 20, "what fits in the pipe: " + sent);
        assertEquals(-Errno.EAGAIN, k.call(p, SENDFILE, wfd, zero, 0, 10), "full and O_NONBLOCK");
    }

    @Test
    void aPipeNoOneReadsRaisesSigpipe() {
        assertEquals(0, k.call(p, Syscalls.CLOSE, rfd));
        k.ecall(p, SENDFILE, wfd, file, 0, 4);
        assertEquals(ProcessState.ZOMBIE, p.state(), "killed by SIGPIPE");
        assertEquals(Signals.SIGPIPE, p.waitStatus());
    }

    @Test
    void linuxsErrorsInOrder() {
        long dir = open("/host/dir", OpenFlags.O_RDONLY);
        long pathOnly = open("/host/a.txt", OpenFlags.O_PATH);
        long off = buf + 2048;
        assertTrue(p.userMemory().writeLong(off, 0));
        assertEquals(-Errno.EFAULT, k.call(p, SENDFILE, 77, 78, 8, 1), "the offset is read first");
        assertEquals(-Errno.EBADF, k.call(p, SENDFILE, wfd, 77, 0, 1), "in_fd not open");
        assertEquals(-Errno.EBADF, k.call(p, SENDFILE, wfd, pathOnly, 0, 1), "in_fd O_PATH");
        assertEquals(-Errno.ESPIPE, k.call(p, SENDFILE, 77, rfd, off, 1), "an offset on a pipe");
        assertTrue(p.userMemory().writeLong(off, -1));
        assertEquals(-Errno.EINVAL, k.call(p, SENDFILE, 77, file, off, 1), "a negative position");
        assertEquals(-Errno.EINVAL, k.call(p, SENDFILE, 77, file, 0, -1), "a negative count");
        assertEquals(-Errno.EBADF, k.call(p, SENDFILE, 77, file, 0, 1), "out_fd not open");
        assertEquals(-Errno.EINVAL, k.call(p, SENDFILE, wfd, rfd, 0, 1), "a pipe cannot be spliced from");
        assertEquals(-Errno.EINVAL, k.call(p, SENDFILE, wfd, dir, 0, 1), "nor a directory");
        assertEquals(-Errno.EBADF, k.call(p, SENDFILE, file, file, 0, 1), "a read-only output");
        assertEquals(0, k.call(p, Syscalls.LSEEK, file, 0, SEEK_CUR), "the failures moved nothing");
    }
}
