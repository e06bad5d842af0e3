package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.hw.HartContext;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * execve's failures leave the caller as it was, each with Linux's errno;
 * its success replaces the image, name, argv and close-on-exec
 * descriptors. Programs come from a host directory mounted at /host.
 */
class ExecveCallTest {
    static final long KERNEL = 0xffff_ffc0_0000_0000L;
    @TempDir
    Path host;
    private KernelBench k;
    private Process p;
    private long buf;

    @BeforeEach
    void start() throws Exception {
        Files.write(host.resolve("prog"), KernelBench.program("-- a toy program --"));
        Files.write(host.resolve("text"), "#!/bin/sh\necho not a program\n".getBytes());
        Files.createDirectory(host.resolve("dir"));
        Files.write(host.resolve("plain"), "just text\n".getBytes());
        Files.write(host.resolve("script"), "#!/host/prog  -x  y \necho hi\n".getBytes());
        Files.write(host.resolve("dir/bare"), "#! prog\n".getBytes());
        Files.write(host.resolve("nested"), "#!/host/script\n".getBytes());
        for (int i = 0; i < 5; i++) {
            Files.write(host.resolve("deep" + i), ("#!/host/" + (i == 0 ? "script" : "deep" + (i - 1)) + "\n").getBytes());
        }
        Files.write(host.resolve("empty-line"), "#!\n".getBytes());
        k = new KernelBench(2, 16L << 20, host);
        p = k.spawn("old", "x");
        buf = k.map(p, 4);
    }

    // Lays out path, an argv array of the given strings and an empty envp in p's memory; returns their addresses.
    private long[] args(String path, String... argv) {
        k.putString(p, buf, path);
        long strings = buf + 1024;
        long array = buf + 4096;
        for (int i = 0; i < argv.length; i++) {
            k.putString(p, strings, argv[i]);
            assertTrue(p.userMemory().writeLong(array + 8L * i, strings));
            strings += argv[i].length() + 1;
        }
        assertTrue(p.userMemory().writeLong(array + 8L * argv.length, 0));
        long envp = buf + 8192;
        assertTrue(p.userMemory().writeLong(envp, 0));
        return new long[] {buf, array, envp};
    }

    // execve that must fail: its errno, with the caller's image and name unchanged.
    private long fails(long path, long argv, long envp) {
        HartContext before = p.context();
        long r = k.call(p, Syscalls.EXECVE, path, argv, envp);
        assertTrue(r < 0);
        assertSame(before, p.context(), "the old image stays");
        assertEquals("old", p.name());
        return r;
    }

    @Test
    void aBadPointerIsEfault() {
        long[] a = args("/host/prog", "prog");
        assertEquals(-Errno.EFAULT, fails(KERNEL, a[1], a[2]), "the path");
        assertEquals(-Errno.EFAULT, fails(a[0], KERNEL, a[2]), "argv");
        assertEquals(-Errno.EFAULT, fails(a[0], a[1], KERNEL), "envp");
        assertTrue(p.userMemory().writeLong(a[1], KERNEL));
        assertEquals(-Errno.EFAULT, fails(a[0], a[1], a[2]), "a string argv points to");
    }

    @Test
    void aPathThatIsNoProgramAnswersAsLinuxDoes() {
        long[] a = args("/host/missing", "x");
        assertEquals(-Errno.ENOENT, fails(a[0], a[1], a[2]));
        a = args("/bin/sh", "sh");
        assertEquals(-Errno.ENOENT, fails(a[0], a[1], a[2]), "only /host is mounted");
        a = args("/host/../host/../../etc/passwd", "x");
        assertEquals(-Errno.ENOENT, fails(a[0], a[1], a[2]), "no way out of the mount");
        a = args("/host/dir", "dir");
        assertEquals(-Errno.EACCES, fails(a[0], a[1], a[2]), "a directory");
        a = args("/host/text", "text");
        assertEquals(-Errno.ENOENT, fails(a[0], a[1], a[2]), "a #! script whose interpreter is missing");
    }

    @Test
    void argumentsTooLongAreE2big() {
        long big = k.map(p, 100);
        byte[] s = new byte[100_000];
        java.util.Arrays.fill(s, (byte) 'a');
        assertTrue(p.userMemory().write(big, s, 0, s.length));
        assertTrue(p.userMemory().writeInt(big + s.length, 0));
        long[] a = args("/host/prog", "prog");
        for (int i = 0; i < 3; i++) {
            assertTrue(p.userMemory().writeLong(a[1] + 8L * i, big));
        }
        assertTrue(p.userMemory().writeLong(a[1] + 24, 0));
        assertEquals(-Errno.E2BIG, fails(a[0], a[1], a[2]), "300,000 bytes of arguments, 256 KiB allowed");
    }

    @Test
    void successReplacesTheImageAndClosesCloseOnExecDescriptors() {
        assertEquals(0, k.call(p, Syscalls.PIPE2, buf + 12_000, Fds.O_CLOEXEC));
        assertEquals(0, k.call(p, Syscalls.PIPE2, buf + 12_008, 0));
        assertEquals(4, p.files().count());
        long[] a = args("/host/prog", "prog", "one", "two");
        KernelBench.Answer r = k.ecall(p, Syscalls.EXECVE, a[0], a[1], a[2]);
        assertFalse(r.returned(), "no return to the old image");
        assertEquals("prog", p.name());
        assertEquals(List.of("prog", "one", "two"), p.argv());
        assertEquals(KernelBench.TEXT, p.context().pc, "the new image starts at its entry");
        assertSame(p.context(), k.hartOf(p).context(), "and runs on the caller's hart");
        assertEquals(2, p.files().count(), "the close-on-exec pipe is gone");
        assertNull(p.files().get(0));
        assertFalse(p.userMemory().writeLong(buf, 1), "the old mappings are gone");
        assertEquals(p.pid(), k.call(p, Syscalls.GETPID), "the same process");
    }

    @Test
    void aPathWithRepeatedSlashesResolvesAsOnLinux() {
        long[] a = args("/host//dir/..//prog", "prog");
        assertFalse(k.ecall(p, Syscalls.EXECVE, a[0], a[1], a[2]).returned(), "/host//dir/..//prog is /host/prog");
        assertEquals("prog", p.name());
    }

    @Test
    void aFileNeitherProgramNorScriptIsEnoexec() {
        long[] a = args("/host/plain", "plain");
        assertEquals(-Errno.ENOEXEC, fails(a[0], a[1], a[2]));
        a = args("/host/empty-line", "x");
        assertEquals(-Errno.ENOEXEC, fails(a[0], a[1], a[2]), "#! without an interpreter");
    }

    @Test
    void aScriptRunsItsInterpreterWithLinuxsArgv() {
        long[] a = args("/host/script", "ignored", "one", "two");
        assertFalse(k.ecall(p, Syscalls.EXECVE, a[0], a[1], a[2]).returned());
        assertEquals(List.of("/host/prog", "-x  y", "/host/script", "one", "two"), p.argv(),
                "interpreter, its one argument, the script's path, argv[1..]");
        assertEquals("script", p.name());
        assertEquals("/host/prog", p.exe().path(), "/proc/self/exe is the interpreter");
    }

    @Test
    void scriptsNestFourDeepThenEloop() throws Exception {
        long[] a = args("/host/nested", "nested", "1");
        assertFalse(k.ecall(p, Syscalls.EXECVE, a[0], a[1], a[2]).returned());
        assertEquals(List.of("/host/prog", "-x  y", "/host/script", "/host/nested", "1"), p.argv());
        k.exit(p, 0);
        p = k.spawn("old", "x");
        buf = k.map(p, 4);
        a = args("/host/deep2", "d");
        assertFalse(k.ecall(p, Syscalls.EXECVE, a[0], a[1], a[2]).returned(), "deep2, deep1, deep0, script: four");
        k.exit(p, 0);
        p = k.spawn("old", "x");
        buf = k.map(p, 4);
        a = args("/host/deep3", "d");
        assertEquals(-Errno.ELOOP, fails(a[0], a[1], a[2]), "five interpreters");
    }

    @Test
    void relativePathsStartAtTheWorkingDirectory() throws Exception {
        k.putString(p, buf + 12_000, "/host/dir");
        assertEquals(0, k.call(p, Syscalls.CHDIR, buf + 12_000));
        long[] a = args("../prog", "prog");
        assertFalse(k.ecall(p, Syscalls.EXECVE, a[0], a[1], a[2]).returned());
        assertEquals("/host/prog", p.exe().path());
        k.exit(p, 0);
        p = k.spawn("old", "x");
        buf = k.map(p, 4);
        k.putString(p, buf + 12_000, "/host/dir");
        assertEquals(0, k.call(p, Syscalls.CHDIR, buf + 12_000));
        a = args("bare", "bare");
        assertEquals(-Errno.ENOENT, fails(a[0], a[1], a[2]), "the interpreter prog is looked up from /host/dir");
    }

    @Test
    void procSelfExeRunsTheProgramAgain() {
        long[] a = args("/host/prog", "prog");
        assertFalse(k.ecall(p, Syscalls.EXECVE, a[0], a[1], a[2]).returned());
        buf = k.map(p, 4);
        a = args("/proc/self/exe", "again");
        assertFalse(k.ecall(p, Syscalls.EXECVE, a[0], a[1], a[2]).returned());
        assertEquals(List.of("again"), p.argv());
        assertEquals("/host/prog", p.exe().path());
    }

    @Test
    void aFileUsedAsADirectoryIsEnotdir() {
        long[] a = args("/host/prog/", "prog");
        assertEquals(-Errno.ENOTDIR, fails(a[0], a[1], a[2]));
    }

    @Test
    void resourceLimitsSurviveExecve() {
        assertTrue(p.userMemory().writeLong(buf + 12_000, 64 << 10));
        assertTrue(p.userMemory().writeLong(buf + 12_008, 1 << 20));
        assertEquals(0, k.call(p, Syscalls.SETRLIMIT, 3, buf + 12_000));
        long[] a = args("/host/prog", "prog");
        assertFalse(k.ecall(p, Syscalls.EXECVE, a[0], a[1], a[2]).returned());
        assertEquals(64L << 10, p.limits().soft(3), "RLIMIT_STACK kept");
        assertEquals(1L << 20, p.limits().hard(3));
        long stack = p.space().memoryRegions().stream()
                .filter(r -> r.kind() == osbox.api.memory.MemoryRegion.Kind.STACK)
                .mapToLong(r -> r.end() - r.start()).sum();
        assertEquals(64L << 10, stack, "the new stack is as large as the soft limit");
    }
}
