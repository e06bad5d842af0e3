package osbox.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import osbox.api.sched.TaskAttributes;

class WorkloadParserTest {
    private static final long GHZ = 1_000_000_000L;

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void programs() throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        Files.write(dir.resolve("bin/prog.elf"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        Files.writeString(dir.resolve("bin/text.txt"), "hello");
        Files.write(dir.resolve("bin/x86_64.elf"), elfHeader(2, 1, 62));
        Files.write(dir.resolve("bin/rv32.elf"), elfHeader(1, 1, 243));
        Files.write(dir.resolve("bin/big.elf"), elfHeader(2, 2, 243));
        Files.createDirectories(dir.resolve("w"));
        file = dir.resolve("w/test.yaml");
    }

    // The first 20 bytes of an ELF header: class, byte order, e_machine.
    private static byte[] elfHeader(int elfClass, int data, int machine) {
        byte[] h = new byte[20];
        h[0] = 0x7f;
        h[1] = 'E';
        h[2] = 'L';
        h[3] = 'F';
        h[4] = (byte) elfClass;
        h[5] = (byte) data;
        h[6] = 1;
        h[18] = (byte) machine;
        h[19] = (byte) (machine >> 8);
        return h;
    }

    private Workload load(String yaml) throws WorkloadException {
        try {
            Files.writeString(file, yaml);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Workload.load(file);
    }

    private String error(String yaml) {
        WorkloadException e = assertThrows(WorkloadException.class, () -> load(yaml));
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString()), "names the file: " + m);
        assertFalse(m.contains("\n"), "one line: " + m);
        assertFalse(m.contains("Exception"), "no exception class names: " + m);
        return m;
    }

    @Test
    void aFullWorkload() throws Exception {
        Workload w = load("""
                name: full
                description: every key
                machine: {harts: 2, quantum: 2ms, memory: 128, trace-capacity: 500000}
                scheduler: {policy: rr, options: {quantum: 100us, verbose: true, alpha: 0.5}}
                swaps:
                  - {at: 5ms, policy: cfs, options: {latency: 3000000}}
                  - {at: 7000000, policy: fifo}
                processes:
                  - name: one
                    program: ../bin/prog.elf
                    args: [cpu=5, 42, true]
                    arrival: 1ms
                    nice: -5
                    priority: 10
                    tickets: 300
                    length-hint: 5ms
                    burst-hint: 1_000
                  - {program: ../bin/prog.elf, args: "a  b c", count: 3, every: 2us, arrival: 10}
                """);
        assertEquals("full", w.name());
        assertEquals("every key", w.description());
        assertEquals(GHZ, w.frequencyHz());
        assertEquals(new Workload.Settings(2, 2_000_000, 128, 500_000), w.settings());
        assertEquals("rr", w.scheduler().policy());
        assertEquals(Map.of("quantum", "100000", "verbose", "true", "alpha", "0.5"), w.scheduler().options());
        assertEquals(List.of("quantum", "verbose", "alpha"), List.copyOf(w.scheduler().options().keySet()));
        assertEquals(2, w.swaps().size());
        assertEquals(5_000_000L, w.swaps().get(0).at());
        assertEquals(Map.of("latency", "3000000"), w.swaps().get(0).scheduler().options());
        assertEquals("fifo", w.swaps().get(1).scheduler().policy());
        assertEquals(4, w.processes().size());
        Workload.ProcessSpec one = w.processes().get(0);
        assertEquals("one", one.label());
        assertEquals(dir.resolve("bin/prog.elf").toAbsolutePath().normalize(), one.program());
        assertEquals("../bin/prog.elf", one.path());
        assertEquals(List.of("cpu=5", "42", "true"), one.args());
        assertEquals(List.of("../bin/prog.elf", "cpu=5", "42", "true"), one.argv());
        assertEquals(1_000_000L, one.arrival());
        assertEquals(new TaskAttributes(-5, 10, 300, 5_000_000, 1_000), one.attributes());
        assertEquals(8, one.image().length);
        for (int k = 0; k < 3; k++) {
            Workload.ProcessSpec p = w.processes().get(1 + k);
            assertEquals("prog#" + (k + 1), p.label());
            assertEquals(10 + k * 2_000L, p.arrival());
            assertEquals(List.of("a", "b", "c"), p.args());
            assertEquals(TaskAttributes.DEFAULT, p.attributes());
            assertSame(one.image(), p.image(), "a program is read once");
        }
    }

    @Test
    void defaults() throws Exception {
        Workload w = load("processes: [{program: ../bin/prog.elf}]\n");
        assertEquals("test", w.name(), "the file name without .yaml");
        assertEquals("", w.description());
        assertEquals(Workload.Settings.NONE, w.settings());
        assertNull(w.scheduler());
        assertTrue(w.swaps().isEmpty());
        Workload.ProcessSpec p = w.processes().get(0);
        assertEquals("prog", p.label());
        assertEquals(0, p.arrival());
        assertTrue(p.args().isEmpty());
        assertEquals(TaskAttributes.DEFAULT, p.attributes());
    }

    @Test
    void schedulerShorthandAndOverride() throws Exception {
        Workload w = load("scheduler: sjf\nprocesses: [{program: ../bin/prog.elf}]\n");
        assertEquals("sjf", w.scheduler().policy());
        assertTrue(w.scheduler().options().isEmpty());
        Workload o = w.withScheduler("cfs", Map.of("latency", "1"));
        assertEquals("cfs", o.scheduler().policy());
        assertEquals(w.processes(), o.processes());
    }

    @Test
    void timesConvertAtTheGivenFrequency() throws Exception {
        Files.writeString(file, "processes: [{program: ../bin/prog.elf, arrival: 2ms}]\n");
        assertEquals(2_000L, Workload.load(file, 1_000_000L).processes().get(0).arrival());
        assertEquals(1_000_000L, Workload.load(file, 1_000_000L).frequencyHz());
    }

    @Test
    void parseTakesTextForAFile() throws Exception {
        Workload w = Workload.parse("processes: [{program: ../bin/prog.elf}]", file, GHZ);
        assertEquals(1, w.processes().size());
    }

    @Test
    void aMissingFileIsOneLine() {
        WorkloadException e = assertThrows(WorkloadException.class, () -> Workload.load(dir.resolve("nope.yaml")));
        assertEquals(dir.resolve("nope.yaml") + ": no such file", e.getMessage());
        e = assertThrows(WorkloadException.class, () -> Workload.load(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void yamlSyntaxErrorsGiveLineAndColumn() {
        String m = error("processes:\n  - {program: [unclosed\n");
        assertTrue(m.contains("YAML error"), m);
        assertTrue(m.matches(".*test\\.yaml:[0-9]+:[0-9]+: YAML error: .*"), m);
        m = error("name: a\nname: b\nprocesses: []\n");
        assertTrue(m.contains("duplicate key"), m);
        m = error("processes:\n\t- x\n");
        assertTrue(m.contains("YAML error"), m);
    }

    @Test
    void arbitraryTypesAreRefused() {
        String m = error("processes: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");
        assertTrue(m.contains("YAML error"), m);
        m = error("processes: [{program: !custom x}]\n");
        assertTrue(m.contains("YAML error"), m);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                                  | empty workload
            '- a'                                                               | must be a mapping
            'name: x'                                                           | processes: missing
            'processes: []'                                                     | processes: empty
            'processes: {a: 1}'                                                 | processes: must be a list
            'colour: red\nprocesses: []'                                        | colour: unknown key (expected one of description, io-sched, machine, name, processes, scheduler, swaps)
            'processes: [{program: ../bin/prog.elf, speed: 3}]'                 | processes[0].speed: unknown key
            'processes: [{args: [a]}]'                                          | processes[0].program: missing
            'processes: [{program: ../bin/none.elf}]'                           | processes[0].program: no such file: ../bin/none.elf
            'processes: [{program: ../bin}]'                                    | processes[0].program: ../bin is not a regular file
            'processes: [{program: ../bin/text.txt}]'                           | processes[0].program: ../bin/text.txt is not an ELF file
            'processes: [{program: ../bin/x86_64.elf}]'                         | processes[0].program: ../bin/x86_64.elf: ELF for another machine (e_machine 62), not RISC-V (243)
            'processes: [{program: ../bin/rv32.elf}]'                           | processes[0].program: ../bin/rv32.elf: a 32-bit ELF file (EI_CLASS 1); osbox runs 64-bit RISC-V (RV64) programs
            'processes: [{program: ../bin/big.elf}]'                            | processes[0].program: ../bin/big.elf: a big-endian or unknown ELF encoding (EI_DATA 2); RISC-V is little-endian
            'processes: [{program: ''''}]'                                      | processes[0].program: empty
            'processes: [{program: [a]}]'                                       | processes[0].program: must be text
            'processes: [{program: ../bin/prog.elf, arrival: 5xs}]'             | processes[0].arrival: '5xs' is not a time
            'processes: [{program: ../bin/prog.elf, arrival: -3}]'              | processes[0].arrival: -3 is negative
            'processes: [{program: ../bin/prog.elf, arrival: 1.5}]'             | processes[0].arrival: '1.5' is not a whole number of cycles
            'processes: [{program: ../bin/prog.elf, arrival: [1]}]'             | processes[0].arrival: a list is not a time
            'processes: [{program: ../bin/prog.elf, nice: 20}]'                 | processes[0].nice: 20 is out of range (-20..19)
            'processes: [{program: ../bin/prog.elf, nice: high}]'               | processes[0].nice: 'high' is not a whole number
            'processes: [{program: ../bin/prog.elf, priority: -1}]'             | processes[0].priority: -1 is out of range (0..139)
            'processes: [{program: ../bin/prog.elf, tickets: 0}]'               | processes[0].tickets: 0 is out of range
            'processes: [{program: ../bin/prog.elf, tickets: 99999999999999999999999}]' | processes[0].tickets: 99999999999999999999999 is out of range
            'processes: [{program: ../bin/prog.elf, count: 0}]'                 | processes[0].count: 0 is out of range (1..4096)
            'processes: [{program: ../bin/prog.elf, count: 5000}]'              | processes[0].count: 5000 is out of range
            'processes: [{program: ../bin/prog.elf, length-hint: soon}]'        | processes[0].length-hint: 'soon' is not a time
            'processes: [{program: ../bin/prog.elf, args: [[a]]}]'              | processes[0].args[0]: must be a single value
            'processes: [{program: ../bin/prog.elf, name: ''''}]'               | processes[0].name: must be 1 to 64 printable characters
            'machine: {harts: 0}\nprocesses: [{program: ../bin/prog.elf}]'      | machine.harts: 0 is out of range (1..64)
            'machine: {cores: 2}\nprocesses: [{program: ../bin/prog.elf}]'      | machine.cores: unknown key
            'machine: {quantum: 0}\nprocesses: [{program: ../bin/prog.elf}]'    | machine.quantum: must be at least 1 cycle
            'machine: {trace-capacity: 10}\nprocesses: [{program: ../bin/prog.elf}]' | machine.trace-capacity: 10 is out of range
            'machine: 4\nprocesses: [{program: ../bin/prog.elf}]'               | machine: must be a mapping
            'scheduler: {options: {}}\nprocesses: [{program: ../bin/prog.elf}]' | scheduler.policy: missing
            'scheduler: {policy: ''a b''}\nprocesses: [{program: ../bin/prog.elf}]' | scheduler.policy: 'a b' is not a policy name
            'scheduler: {policy: rr, quantum: 5}\nprocesses: [{program: ../bin/prog.elf}]' | scheduler.quantum: unknown key
            'scheduler: {policy: rr, options: {quantum: [1]}}\nprocesses: [{program: ../bin/prog.elf}]' | scheduler.options.quantum: must be a single value
            'swaps: [{policy: rr}]\nprocesses: [{program: ../bin/prog.elf}]'    | swaps[0].at: missing
            'swaps: [{at: 1ms}]\nprocesses: [{program: ../bin/prog.elf}]'       | swaps[0].policy: missing
            'swaps: [{at: later, policy: rr}]\nprocesses: [{program: ../bin/prog.elf}]' | swaps[0].at: 'later' is not a time
            'swaps: rr\nprocesses: [{program: ../bin/prog.elf}]'                | swaps: must be a list
            """)
    void badInputNamesTheField(String yaml, String expected) {
        String m = error(yaml.replace("\\n", "\n"));
        assertTrue(m.contains(expected), "expected '" + expected + "' in: " + m);
    }

    /** A program name no file can have (a NUL, written as YAML's escape) is one line naming the field. */
    @Test
    void aProgramNameWithANulIsOneLine() {
        String m = error("processes: [{program: \"a\\0b.elf\"}]\n");
        assertTrue(m.contains("processes[0].program") && m.contains("not a file name"), m);
    }

    @Test
    void theExampleWorkloadsLoad() throws Exception {
        // the module is bundles/tools/workload; a missing folder fails rather than passes
        Path examples = Path.of("../../../examples/workloads");
        assertTrue(Files.isDirectory(examples), examples.toAbsolutePath() + " is the examples' folder");
        int loaded = 0;
        try (var files = Files.list(examples)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Workload w = Workload.load(f);
                assertFalse(w.processes().isEmpty(), f.toString());
                assertTrue(w.scheduler() != null, f + " names its policy");
                loaded++;
            }
        }
        assertTrue(loaded >= 4, "the example workloads: " + loaded);
    }

    @Test
    void disksInMemoryOrFromAnImageAndTheIoScheduler() throws Exception {
        Files.write(dir.resolve("w/disk.img"), new byte[8192]);
        Workload w = load("""
                machine:
                  disks:
                    - {name: vda, size: 16M, model: ssd}
                    - {image: disk.img}
                io-sched: {policy: deadline, options: {read-expire: 1ms, fifo-batch: 16}}
                processes: [{program: ../bin/prog.elf}]
                """);
        assertEquals(List.of(new Workload.Disk("vda", 16L << 20, "ssd", null),
                new Workload.Disk("vdb", 8192, "hdd", dir.resolve("w/disk.img").toAbsolutePath().normalize())),
                w.settings().disks());
        assertEquals("memory:16777216,model=ssd", w.settings().disks().get(0).spec().spec());
        assertEquals(16L << 20, w.settings().disks().get(0).spec().memoryBytes());
        assertEquals(new Workload.Scheduler("deadline", Map.of("read-expire", "1000000", "fifo-batch", "16")),
                w.ioScheduler());
        assertEquals("bfq", load("io-sched: bfq\nprocesses: [{program: ../bin/prog.elf}]\n").ioScheduler().policy());
        assertNull(load("processes: [{program: ../bin/prog.elf}]\n").ioScheduler());
        assertEquals(List.of(), load("processes: [{program: ../bin/prog.elf}]\n").settings().disks());
    }

    @Test
    void aBadDiskIsOneLineNamingTheEntry() {
        String tail = "processes: [{program: ../bin/prog.elf}]\n";
        assertEquals(file + ": machine.disks[1].name: 'vdc': disk 2 is vdb (disks are named vda, vdb, ... in order)",
                error("machine: {disks: [{size: 1M}, {name: vdc, size: 1M}]}\n" + tail));
        assertEquals(file + ": machine.disks[0].size: '16Q': not a size (use e.g. 4096K, 64M, 1G)",
                error("machine: {disks: [{size: 16Q}]}\n" + tail));
        assertEquals(file + ": machine.disks[0].size: '1000': must be a whole number of 512-byte sectors, at least one",
                error("machine: {disks: [{size: 1000}]}\n" + tail));
        assertEquals(file + ": machine.disks[0].model: no such model 'tape' (known: hdd, ssd)",
                error("machine: {disks: [{size: 1M, model: tape}]}\n" + tail));
        assertEquals(file + ": machine.disks[0]: needs a size (a disk in memory, e.g. size: 16M) or an image",
                error("machine: {disks: [{model: ssd}]}\n" + tail));
        assertEquals(file + ": machine.disks[0].image: none.img: No such file or directory (images are relative to"
                + " the workload file's directory)", error("machine: {disks: [{image: none.img}]}\n" + tail));
        assertTrue(error("machine: {disks: [{size: 1M, speed: 3}]}\n" + tail)
                .endsWith("machine.disks[0].speed: unknown key (expected one of image, model, name, size)"));
        assertEquals(file + ": io-sched.policy: missing (a policy name such as noop, sstf, deadline, bfq)",
                error("io-sched: {options: {}}\n" + tail));
    }
}
