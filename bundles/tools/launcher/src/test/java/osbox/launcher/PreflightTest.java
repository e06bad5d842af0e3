package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script's preflight: the checks before the framework boots, and the JVM arguments it prints. */
class PreflightTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    @BeforeEach
    void program() throws IOException {
        Files.writeString(dir.resolve("p.elf"), "ELF");
        Files.createDirectory(dir.resolve("host"));
    }

    private Preflight.Launch check(String... args) {
        return Preflight.check(args, dir, Map.of(), () -> 16 * GIB);
    }

    @Test
    void aRunGetsItsPropertiesAndStopsBelowTheShell() {
        Preflight.Launch l = check("run", "--host-dir", "host", "--mem", "64M", "--swap", "16M", "--tlb", "64x4",
                "--plugin", "x.jar", "p.elf");
        assertNull(l.error());
        assertEquals("command", l.mode());
        assertEquals(List.of("-Dosbox.host.dir=" + dir.resolve("host"), "-Dosbox.mem=64M", "-Dosbox.swap=16M",
                "-Dosbox.tlb=64x4", "-Dosbox.plugins=" + dir.resolve("x.jar"),
                "-Dorg.osgi.framework.startlevel.beginning=99", "-Dgosh.args=--nointeractive",
                "-Dosbox.console.input=stdin"), l.jvmArguments());
    }

    @Test
    void hartsBecomeTheirFrameworkProperty() {
        Preflight.Launch l = check("run", "--harts", "2", "p.elf");
        assertNull(l.error());
        assertTrue(l.jvmArguments().contains("-Dosbox.harts=2"), l.jvmArguments().toString());
        assertTrue(check("run", "p.elf").jvmArguments().stream().noneMatch(a -> a.startsWith("-Dosbox.harts")));
    }

    @Test
    void theIoSchedulerBecomesItsFrameworkPropertiesInTheShellAndInARun() {
        Preflight.Launch shell = check("--io-sched", "deadline", "--io-sched-opt", "read-expire=100",
                "--io-sched-opt", "fifo-batch=4");
        assertNull(shell.error());
        assertEquals("shell", shell.mode());
        assertTrue(shell.jvmArguments().contains("-Dosbox.io.sched.policy=deadline"), shell.jvmArguments().toString());
        assertTrue(shell.jvmArguments().contains("-Dosbox.io.sched.options=read-expire=100,fifo-batch=4"));
        assertTrue(check("run", "--io-sched", "sstf", "p.elf").jvmArguments().contains("-Dosbox.io.sched.policy=sstf"));
        assertTrue(check("run", "p.elf").jvmArguments().stream().noneMatch(a -> a.startsWith("-Dosbox.io.sched")));
        assertEquals("osbox: --io-sched-opt needs --io-sched NAME", check("--io-sched-opt", "a=1").error());
        assertEquals("osbox: --io-sched needs an I/O scheduler name", check("--io-sched").error());
        assertEquals("osbox: --io-sched-opt needs KEY=VALUE (no commas), got 'x'",
                check("--io-sched", "sstf", "--io-sched-opt", "x").error());
    }

    @Test
    void everyMachineOptionAlsoOpensTheShell() {
        for (String[] args : new String[][] {{}, {"--"}, {"--host-dir", "host"}, {"--verbose"}, {"--mem", "1M"},
            {"--swap", "0"}, {"--tlb", "16xfull"}, {"--plugin", "p.jar"}}) {
            Preflight.Launch l = check(args);
            assertNull(l.error(), String.join(" ", args));
            assertEquals("shell", l.mode(), String.join(" ", args));
            assertTrue(l.jvmArguments().contains("-Dorg.osgi.framework.startlevel.beginning=99"),
                    "the launcher opens the shell once the machine is up");
            assertFalse(l.jvmArguments().contains("-Dgosh.args=--nointeractive"));
        }
        assertEquals("osbox: --sched needs the run command (in the shell: sched:use NAME)",
                check("--sched", "rr").error());
        assertEquals("command", check("--help").mode());
    }

    @Test
    void badInputIsOneLineBeforeAnythingBoots() throws IOException {
        Files.createDirectory(dir.resolve("out"));
        assertEquals("osbox: --mem 1X: not a size (use e.g. 4096K, 64M, 1G)", check("run", "--mem", "1X", "p.elf").error());
        assertEquals("osbox: --swap 5T: too large (at most 4T)", check("--swap", "5T").error());
        assertEquals("osbox: --tlb asid=off,: empty item (a stray comma?); syntax " + osbox.api.hw.TlbSpec.SYNTAX,
                check("run", "--tlb", "asid=off,", "p.elf").error());
        assertEquals("osbox: --host-dir nowhere: No such file or directory", check("--host-dir", "nowhere").error());
        assertEquals("osbox: --host-dir p.elf: Not a directory", check("run", "--host-dir", "p.elf", "p.elf").error());
        assertEquals("osbox: missing.elf: No such file or directory", check("run", "missing.elf").error());
        assertEquals("osbox: host: Is a directory", check("run", "host").error());
        assertEquals("osbox: --report nowhere/r.json: No such file or directory",
                check("run", "--report", "nowhere/r.json", "p.elf").error());
        assertEquals("osbox: --gantt out: Is a directory", check("run", "--gantt", "out", "p.elf").error());
        assertEquals("osbox: unknown option: --fast", check("--fast").error());
        assertEquals("osbox: run: missing PROGRAM", check("run").error());
    }

    @Test
    void aWorkloadsOutputFilesAfterItsNameAreCheckedToo() throws IOException {
        Files.writeString(dir.resolve("w.yaml"), "processes: []");
        assertEquals("osbox: --trace nowhere/t.json: No such file or directory",
                check("run", "w.yaml", "--trace", "nowhere/t.json").error());
        assertEquals("osbox: w.yaml: a workload takes no arguments, got 'x' (options: --report, --trace, --gantt,"
                + " --memory-svg, --io-svg FILE)", check("run", "w.yaml", "x").error());
        assertNull(check("run", "w.yaml", "--report", "r.json").error());
    }

    @Test
    void verboseLogsAtInfo() {
        List<String> jvm = check("--verbose", "run", "p.elf").jvmArguments();
        assertTrue(jvm.contains("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"), jvm.toString());
    }

    @Test
    void straceBecomesTheKernelsPropertyAndItsFileIsCheckedFirst() throws IOException {
        Files.createDirectory(dir.resolve("out"));
        assertTrue(check("run", "--strace", "p.elf").jvmArguments().contains("-Dosbox.strace=-"), "stderr");
        assertTrue(check("run", "--strace=s.txt", "p.elf").jvmArguments().contains("-Dosbox.strace=" + dir.resolve("s.txt")),
                "the file, absolute");
        assertEquals("osbox: --strace=nowhere/s.txt: No such file or directory",
                check("run", "--strace=nowhere/s.txt", "p.elf").error());
        assertEquals("osbox: --strace=out: Is a directory", check("run", "--strace=out", "p.elf").error());
        assertEquals("osbox: --strace= needs a file name (or --strace alone for stderr)",
                check("run", "--strace=", "p.elf").error());
        assertEquals("osbox: --strace needs the run command (in the shell: osbox:strace PID)", check("--strace").error());
    }

    @Test
    void straceIsARunOptionBeforeTheProgramOnly() {
        CommandLine line = CommandLine.parse(new String[] {"run", "--strace", "p.elf", "--strace"});
        assertEquals(CommandLine.STRACE_STDERR, line.strace());
        assertEquals(List.of("--strace"), line.arguments(), "after the program: the program's own argument");
        assertNull(CommandLine.parse(new String[] {"run", "p.elf"}).strace());
        assertEquals("t.txt", CommandLine.parse(new String[] {"--strace=t.txt", "run", "p.elf"}).strace());
    }

    @Test
    void disksBecomeOnePropertyWithAbsoluteFilesInOrder() throws IOException {
        Files.write(dir.resolve("a.img"), new byte[1024]);
        Files.write(dir.resolve("b.img"), new byte[512]);
        Preflight.Launch l = check("--disk", "a.img", "--disk", "b.img,model=ssd,ro");
        assertNull(l.error());
        assertTrue(l.jvmArguments().contains("-Dosbox.disks=" + dir.resolve("a.img") + ",model=hdd\n"
                + dir.resolve("b.img") + ",model=ssd,ro"), l.jvmArguments().toString());
    }

    @Test
    void aDiskThatCannotBeUsedIsOneLine() throws IOException {
        assertEquals("osbox: --disk none.img: No such file or directory", check("--disk", "none.img").error());
        assertEquals("osbox: --disk host: Is a directory", check("--disk", "host").error());
        assertEquals("osbox: --disk a.img,model=tape: no such model 'tape' (known: hdd, ssd)",
                check("--disk", "a.img,model=tape").error());
        assertEquals("osbox: --disk needs an image file (FILE[,model=hdd|ssd][,ro])", check("--disk").error());
        Path ro = Files.write(dir.resolve("ro.img"), new byte[512]);
        assertTrue(ro.toFile().setWritable(false));
        if (!Files.isWritable(ro)) {                 // root may write anything
            assertEquals("osbox: --disk ro.img: Permission denied (the file is read-only; add ,ro to attach it"
                    + " read-only)", check("--disk", "ro.img").error());
        }
        assertNull(check("--disk", "ro.img,ro").error());
    }

    @Test
    void aWorkloadsDisksAndIoSchedulerBecomeTheirFrameworkProperties() throws IOException {
        byte[] elf = new byte[20];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;
        elf[18] = (byte) 243;
        Files.write(dir.resolve("r.elf"), elf);
        Files.writeString(dir.resolve("w.yaml"), """
                machine: {disks: [{size: 16M, model: ssd}, {size: 1M}]}
                io-sched: {policy: deadline, options: {fifo-batch: 4, writes-starved: 2}}
                processes: [{program: r.elf}]
                """);
        Preflight.Launch l = check("run", "w.yaml");
        assertEquals(null, l.error());
        assertTrue(l.jvmArguments().contains("-Dosbox.disks=memory:16777216,model=ssd\nmemory:1048576,model=hdd"),
                l.jvmArguments().toString());
        assertTrue(l.jvmArguments().contains("-Dosbox.io.sched.policy=deadline"), l.jvmArguments().toString());
        assertTrue(l.jvmArguments().contains("-Dosbox.io.sched.options=fifo-batch=4,writes-starved=2"),
                l.jvmArguments().toString());
        Files.write(dir.resolve("a.img"), new byte[4096]);
        assertEquals("osbox: w.yaml: machine.disks: the workload has its disks; --disk cannot add others",
                check("run", "--disk", "a.img", "w.yaml").error());
        // a bad workload file is the launcher's to report (the same line, once the machine is up)
        Files.writeString(dir.resolve("bad.yaml"), "machine: {disks: [{size: 3Q}]}\nprocesses: [{program: r.elf}]\n");
        assertEquals(null, check("run", "bad.yaml").error());
        assertTrue(check("run", "bad.yaml").jvmArguments().stream().noneMatch(a -> a.startsWith("-Dosbox.disks")));
        assertTrue(check("--disk", "memory:4M,model=ssd").jvmArguments().contains("-Dosbox.disks=memory:4M,model=ssd"));
    }

    @Test
    void aSwapDiskIsTheLastDiskAndNamedForTheVmManager() throws IOException {
        Files.write(dir.resolve("a.img"), new byte[1024]);
        Files.write(dir.resolve("swap.img"), new byte[8192]);
        Preflight.Launch l = check("--swap-disk", "swap.img", "--disk", "a.img");
        assertNull(l.error());
        assertTrue(l.jvmArguments().contains("-Dosbox.disks=" + dir.resolve("a.img") + ",model=hdd\n"
                + dir.resolve("swap.img") + ",model=hdd"), l.jvmArguments().toString());
        assertTrue(l.jvmArguments().contains("-Dosbox.swap.disk=vdb"), l.jvmArguments().toString());
        assertTrue(check("--disk", "a.img").jvmArguments().stream().noneMatch(a -> a.startsWith("-Dosbox.swap.disk")));
    }

    @Test
    void aSwapDiskThatCannotBeUsedIsOneLine() {
        assertEquals("osbox: --swap-disk none.img: No such file or directory",
                check("--swap-disk", "none.img").error());
        assertEquals("osbox: --swap-disk host: Is a directory", check("--swap-disk", "host").error());
        assertEquals("osbox: --swap-disk needs an image file (FILE[,model=hdd|ssd][,ro])",
                check("--swap-disk").error());
        assertEquals("osbox: --swap-disk s.img,ro: swap must be writable (drop ,ro)",
                check("--swap-disk", "s.img,ro").error());
        assertEquals("osbox: --swap-disk t.img: given twice (one swap disk)",
                check("--swap-disk", "s.img", "--swap-disk", "t.img").error());
    }
}
