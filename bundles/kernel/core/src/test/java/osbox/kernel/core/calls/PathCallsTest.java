package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.fs.OpenFlags;
import osbox.kernel.core.proc.Process;

/**
 * The file and path calls over the namespace, through the kernel's trap
 * path on a bench with a host directory at /host: openat, read, pread64,
 * lseek, fstat, newfstatat, statx, getdents64, readlinkat, faccessat2,
 * getcwd, chdir, fchdir, each with Linux's errno for its error cases.
 */
class PathCallsTest {
    static final long KERNEL = 0xffff_ffc0_0000_0000L;
    static final int AT_FDCWD = -100;
    static final String TEXT = "line one\nline two\nline three\n";
    @TempDir
    Path host;
    private KernelBench k;
    private Process p;
    private long buf;
    private long path;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(host.resolve("notes/sub"));
        Files.writeString(host.resolve("notes/a.txt"), TEXT);
        Files.writeString(host.resolve("notes/b.txt"), "bee\n");
        Files.createSymbolicLink(host.resolve("notes/link"), Path.of("a.txt"));
        k = new KernelBench(2, 16L << 20, host);
        p = k.spawn("files");
        buf = k.map(p, 4);
        path = buf + 3 * 4096;
    }

    // a0 of a call taking a path (written at `path`) as argument `at`, the other arguments as given
    private long withPath(int number, String s, long... args) {
        k.putString(p, path, s);
        return k.call(p, number, args);
    }

    private long open(String s, int flags) {
        return withPath(Syscalls.OPENAT, s, AT_FDCWD, path, flags, 0);
    }

    private String text(long va, int n) {
        return new String(k.bytes(p, va, n), StandardCharsets.UTF_8);
    }

    private ByteBuffer struct(long va, int n) {
        return ByteBuffer.wrap(k.bytes(p, va, n)).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void openReadSeekAndPreadAHostFile() {
        long fd = open("/host/notes/a.txt", OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC);
        assertEquals(0, fd, "the lowest free descriptor");
        assertTrue(p.files().isCloseOnExec(0));
        assertEquals(5, k.call(p, Syscalls.READ, fd, buf, 5));
        assertEquals("line ", text(buf, 5));
        assertEquals(TEXT.length() - 5, k.call(p, Syscalls.READ, fd, buf, 4096), "the rest");
        assertEquals(0, k.call(p, Syscalls.READ, fd, buf, 4096), "end of file");
        assertEquals(9, k.call(p, Syscalls.LSEEK, fd, 9, 0));
        assertEquals(TEXT.length(), k.call(p, Syscalls.LSEEK, fd, 0, 2), "SEEK_END");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.LSEEK, fd, -1, 0));
        assertEquals(3, k.call(p, Syscalls.LSEEK, fd, 3, 3), "SEEK_DATA: no holes");
        assertEquals(TEXT.length(), k.call(p, Syscalls.LSEEK, fd, 3, 4), "SEEK_HOLE: the end");
        assertEquals(-Errno.ENXIO, k.call(p, Syscalls.LSEEK, fd, TEXT.length(), 3));
        assertEquals(4, k.call(p, Syscalls.PREAD64, fd, buf, 4, 14));
        assertEquals("two\n", text(buf, 4));
        assertEquals(TEXT.length(), k.call(p, Syscalls.LSEEK, fd, 0, 1), "pread left the offset alone");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.PREAD64, fd, buf, 4, -1));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.PREAD64, fd, KERNEL, 4, 0));
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.WRITE, fd, buf, 1), "opened read-only");
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.PWRITE64, fd, buf, 1, 0));
        assertEquals(0, k.call(p, Syscalls.CLOSE, fd));
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.READ, fd, buf, 1));
    }

    @Test
    void openErrorsAreLinuxs() {
        assertEquals(-Errno.EROFS, open("/host/notes/a.txt", OpenFlags.O_WRONLY));
        assertEquals(-Errno.EROFS, open("/host/notes/new.txt", OpenFlags.O_WRONLY | OpenFlags.O_CREAT));
        assertEquals(-Errno.ENOENT, open("/host/notes/none.txt", OpenFlags.O_RDONLY));
        assertEquals(-Errno.ENOTDIR, open("/host/notes/a.txt/", OpenFlags.O_RDONLY));
        assertEquals(-Errno.EISDIR, open("/host/notes", OpenFlags.O_RDWR));
        assertEquals(-Errno.ELOOP, open("/host/notes/link", OpenFlags.O_NOFOLLOW));
        assertEquals(-Errno.ENAMETOOLONG, open("/host/" + "n".repeat(300), 0));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.OPENAT, AT_FDCWD, KERNEL, 0, 0));
        assertEquals(-Errno.EBADF, withPath(Syscalls.OPENAT, "a.txt", 77, path, 0, 0), "dirfd not open");
        long file = open("/host/notes/a.txt", 0);
        assertEquals(-Errno.ENOTDIR, withPath(Syscalls.OPENAT, "a.txt", file, path, 0, 0), "dirfd not a directory");
        assertTrue(withPath(Syscalls.OPENAT, "/host/notes/b.txt", 77, path, 0, 0) >= 0, "dirfd unused: absolute");
        byte[] long4096 = new byte[4096];
        java.util.Arrays.fill(long4096, (byte) 'x');
        assertTrue(p.userMemory().write(path, long4096, 0, 4096));
        assertEquals(-Errno.ENAMETOOLONG, k.call(p, Syscalls.OPENAT, AT_FDCWD, path, 0, 0), "no NUL in PATH_MAX");
    }

    @Test
    void devNullTakesWritesAndReadsAsEmpty() {
        long fd = open("/dev/null", OpenFlags.O_WRONLY);
        assertEquals(100, k.call(p, Syscalls.WRITE, fd, buf, 100));
        long zero = open("/dev/zero", 0);
        assertTrue(p.userMemory().write(buf, new byte[] {7, 7, 7}, 0, 3));
        assertEquals(3, k.call(p, Syscalls.READ, zero, buf, 3));
        assertEquals(0, k.bytes(p, buf, 3)[1]);
        long full = open("/dev/full", OpenFlags.O_WRONLY);
        assertEquals(-Errno.ENOSPC, k.call(p, Syscalls.WRITE, full, buf, 1));
        assertEquals(0, k.call(p, Syscalls.FSTAT, fd, buf));
        assertEquals(0020666, struct(buf, 128).getInt(16), "a character device");
        assertEquals((1 << 8) | 3, struct(buf, 128).getLong(32), "st_rdev 1,3");
    }

    @Test
    void theStatCallsReportTheHostFilesAttributes() throws Exception {
        long fd = open("/host/notes/a.txt", 0);
        assertEquals(0, k.call(p, Syscalls.FSTAT, fd, buf));
        ByteBuffer st = struct(buf, 128);
        long ino = (Long) Files.getAttribute(host.resolve("notes/a.txt"), "unix:ino");
        assertEquals(ino, st.getLong(8), "st_ino is the host's");
        assertEquals(0100000, st.getInt(16) & 0170000, "a regular file");
        assertEquals(TEXT.length(), st.getLong(48), "st_size");
        long mtime = Files.getLastModifiedTime(host.resolve("notes/a.txt")).to(java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(mtime, st.getLong(88), "st_mtime is the host file's");

        assertEquals(0, withPath(Syscalls.NEWFSTATAT, "host/notes/link", AT_FDCWD, path, buf, 0x100));
        assertEquals(0120000, struct(buf, 128).getInt(16) & 0170000, "AT_SYMLINK_NOFOLLOW: the link");
        assertEquals(-Errno.ENOENT, withPath(Syscalls.NEWFSTATAT, "notes/link", AT_FDCWD, path, buf, 0),
                "relative to the working directory /: notes/link is not there");
        k.putString(p, path, "/host/notes/link");
        assertEquals(0, k.call(p, Syscalls.NEWFSTATAT, AT_FDCWD, path, buf, 0));
        assertEquals(TEXT.length(), struct(buf, 128).getLong(48), "followed to a.txt");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.NEWFSTATAT, AT_FDCWD, path, buf, 0x4));
        k.putString(p, path, "");
        assertEquals(-Errno.ENOENT, k.call(p, Syscalls.NEWFSTATAT, fd, path, buf, 0));
        assertEquals(0, k.call(p, Syscalls.NEWFSTATAT, fd, path, buf, 0x1000), "AT_EMPTY_PATH: fd itself");
        assertEquals(TEXT.length(), struct(buf, 128).getLong(48));

        k.putString(p, path, "/host/notes/b.txt");
        assertEquals(0, k.call(p, KernelCalls.STATX, AT_FDCWD, path, 0, 0x7ff, buf));
        ByteBuffer sx = struct(buf, 256);
        assertEquals(0x7ff, sx.getInt(0), "stx_mask: the basic fields");
        assertEquals(4, sx.getLong(40), "stx_size");
        assertEquals(0100000, sx.getShort(28) & 0170000);
        assertEquals(-Errno.EINVAL, k.call(p, KernelCalls.STATX, AT_FDCWD, path, 0x6000, 0x7ff, buf));
        assertEquals(-Errno.EFAULT, k.call(p, KernelCalls.STATX, AT_FDCWD, path, 0, 0x7ff, KERNEL));
    }

    // The names getdents64 gives for fd, reading with a buffer of `size` bytes until the end.
    private List<String> names(long fd, int size) {
        List<String> out = new ArrayList<>();
        while (true) {
            long n = k.call(p, Syscalls.GETDENTS64, fd, buf, size);
            assertTrue(n >= 0, "getdents64 answered " + n);
            if (n == 0) {
                return out;
            }
            ByteBuffer b = struct(buf, (int) n);
            for (int at = 0; at < n; ) {
                int reclen = b.getShort(at + 16);
                assertEquals(0, reclen % 8, "records are 8-byte aligned");
                int end = at + 19;
                while (b.get(end) != 0) {
                    end++;
                }
                out.add(text(buf + at + 19, end - at - 19) + ":" + b.get(at + 18));
                at += reclen;
            }
        }
    }

    @Test
    void getdentsListsDotDotDotThenNamesInOrder() {
        long fd = open("/host/notes", OpenFlags.O_DIRECTORY);
        List<String> all = List.of(".:4", "..:4", "a.txt:8", "b.txt:8", "link:10", "sub:4");
        assertEquals(all, names(fd, 4096));
        assertEquals(0, k.call(p, Syscalls.LSEEK, fd, 0, 0), "rewind");
        assertEquals(all, names(fd, 32), "one record at a time");
        assertEquals(0, k.call(p, Syscalls.LSEEK, fd, 0, 0));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.GETDENTS64, fd, buf, 16), "too small for one record");
        assertEquals(-Errno.EISDIR, k.call(p, Syscalls.READ, fd, buf, 16));
        long file = open("/host/notes/a.txt", 0);
        assertEquals(-Errno.ENOTDIR, k.call(p, Syscalls.GETDENTS64, file, buf, 4096));
        assertEquals(-Errno.EBADF, k.call(p, Syscalls.GETDENTS64, 99, buf, 4096));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.GETDENTS64, fd, KERNEL, 4096));
        long root = open("/", OpenFlags.O_DIRECTORY);
        assertEquals(List.of(".:4", "..:4", "dev:4", "host:4", "proc:4"), names(root, 4096));
    }

    @Test
    void cwdChdirAndFchdir() {
        assertEquals(2, k.call(p, Syscalls.GETCWD, buf, 100), "\"/\" and its NUL");
        assertEquals("/", text(buf, 1));
        assertEquals(0, withPath(Syscalls.CHDIR, "/host/notes/sub/..", path));
        assertEquals(12, k.call(p, Syscalls.GETCWD, buf, 100));
        assertEquals("/host/notes\0", text(buf, 12));
        assertEquals(-Errno.ERANGE, k.call(p, Syscalls.GETCWD, buf, 11));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.GETCWD, KERNEL, 100));
        assertEquals(TEXT.length(), withPath(Syscalls.NEWFSTATAT, "link", AT_FDCWD, path, buf, 0) == 0
                ? struct(buf, 128).getLong(48) : -1, "relative paths start at the new cwd");
        assertEquals(-Errno.ENOTDIR, withPath(Syscalls.CHDIR, "a.txt", path));
        assertEquals(-Errno.ENOENT, withPath(Syscalls.CHDIR, "nowhere", path));
        long dev = open("/dev", OpenFlags.O_PATH);
        assertEquals(0, k.call(p, KernelCalls.FCHDIR, dev));
        assertEquals(5, k.call(p, Syscalls.GETCWD, buf, 100));
        long file = open("null", 0);
        assertTrue(file >= 0, "null, relative to /dev");
        assertEquals(-Errno.ENOTDIR, k.call(p, KernelCalls.FCHDIR, file));
        assertEquals(-Errno.EBADF, k.call(p, KernelCalls.FCHDIR, 99));
        long child = k.call(p, Syscalls.CLONE, 17, 0, 0, 0, 0);
        assertTrue(child > 0);
        assertEquals("/dev", k.process(child).cwd().path(), "a child starts where its parent is");
    }

    @Test
    void readlinkatShowsLinksAndProcSelfExe() {
        assertEquals(5, withPath(Syscalls.READLINKAT, "/host/notes/link", AT_FDCWD, path, buf, 100));
        assertEquals("a.txt", text(buf, 5));
        assertEquals(2, withPath(Syscalls.READLINKAT, "/host/notes/link", AT_FDCWD, path, buf, 2), "cut, no NUL");
        assertEquals(-Errno.EINVAL, withPath(Syscalls.READLINKAT, "/host/notes/a.txt", AT_FDCWD, path, buf, 100));
        assertEquals(-Errno.EINVAL, withPath(Syscalls.READLINKAT, "/host/notes/link", AT_FDCWD, path, buf, 0));
        assertEquals(-Errno.ENOENT, withPath(Syscalls.READLINKAT, "/host/none", AT_FDCWD, path, buf, 100));
        assertEquals(-Errno.EFAULT, withPath(Syscalls.READLINKAT, "/host/notes/link", AT_FDCWD, path, KERNEL, 100));
        assertEquals(10, withPath(Syscalls.READLINKAT, "/proc/self/exe", AT_FDCWD, path, buf, 100));
        assertEquals("/bin/files", text(buf, 10), "the path the program was started with");
        long fd = open("/host/notes/b.txt", 0);
        long n = withPath(Syscalls.READLINKAT, "/proc/self/fd/" + fd, AT_FDCWD, path, buf, 100);
        assertEquals("/host/notes/b.txt", text(buf, (int) n));
        long link = open("/host/notes/link", OpenFlags.O_PATH | OpenFlags.O_NOFOLLOW);
        assertEquals(5, withPath(Syscalls.READLINKAT, "", link, path, buf, 100), "an empty path: dirfd's link");
        assertEquals(-Errno.ENOENT, withPath(Syscalls.READLINKAT, "", fd, path, buf, 100));
    }

    @Test
    void faccessatSaysReadOnly() {
        assertEquals(0, withPath(KernelCalls.FACCESSAT2, "/host/notes/a.txt", AT_FDCWD, path, 4, 0));
        assertEquals(-Errno.EROFS, withPath(KernelCalls.FACCESSAT2, "/host/notes/a.txt", AT_FDCWD, path, 2, 0));
        assertEquals(-Errno.EACCES, withPath(Syscalls.FACCESSAT, "/host/notes/a.txt", AT_FDCWD, path, 1));
        assertEquals(0, withPath(Syscalls.FACCESSAT, "/host/notes", AT_FDCWD, path, 1), "directories are searchable");
        assertEquals(0, withPath(Syscalls.FACCESSAT, "/dev/null", AT_FDCWD, path, 2), "devices are writable");
        assertEquals(-Errno.ENOENT, withPath(Syscalls.FACCESSAT, "/host/none", AT_FDCWD, path, 0));
        assertEquals(-Errno.EINVAL, withPath(Syscalls.FACCESSAT, "/host/notes", AT_FDCWD, path, 8));
        assertEquals(-Errno.EINVAL, withPath(KernelCalls.FACCESSAT2, "/host/notes", AT_FDCWD, path, 0, 1));
    }
}
