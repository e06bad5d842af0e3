package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;

/**
 * Isolation: no process reads or writes another's memory or the kernel's.
 * The adversarial example programs (memscan, isolate, badsys, jump) run on
 * the simulated machine: every bad access ends in SIGSEGV (an instruction,
 * load or store page fault) and every bad pointer handed to a system call
 * in EFAULT, never in a host exception; the other processes complete and
 * no frame leaks.
 */
class IsolationTest {
    private static Computer shared;

    @BeforeAll
    static void boot() throws Exception {
        shared = Computer.boot(Computer.Options.defaults());
    }

    @AfterAll
    static void off() {
        shared.close();
    }

    @ParameterizedTest(name = "jump {0}")
    @CsvSource({
        "data, address 0x1",
        "stack, address 0x3fff",
        "heap, address 0x",
        "mmap, address 0x3dfffff000",
        "kernel, address 0xffffffff80000000",
        "kernel-hi, address 0xffffffc000000000",
        "noncanon, address 0x800000000000",
        "null, address 0x0"})
    void jumpingWhereThereIsNoCodeIsAnInstructionPageFault(String kind, String address) throws Exception {
        Computer.Result r = shared.run(Computer.example("jump"), List.of(kind), null);
        assertEquals(139, r.shellStatus(), r.stdoutText());
        assertEquals(Signals.SIGSEGV, r.waitStatus() & 0x7f, "killed by SIGSEGV, no core flag games");
        assertTrue(r.stdoutText().startsWith("jump: about to jump into "), r.stdoutText());
        assertFalse(r.stdoutText().contains("survived"), r.stdoutText());
        assertNotNull(r.killReport());
        assertTrue(r.killReport().contains("killed by SIGSEGV: instruction page fault at pc=0x"), r.killReport());
        assertTrue(r.killReport().contains(address), r.killReport());
        // the kernel goes on, and the killed process took all its frames with it
        assertEquals(7, shared.run(Computer.example("exitcode"), List.of("7"), null).shellStatus());
        assertEquals(0L, (long) shared.machine().call(() -> shared.kernel().frames().used()));
    }

    /** Linux's signal numbers this test needs. */
    private static final class Signals {
        static final int SIGSEGV = 11;
    }

    // Every process that ended (children too), by pid; completes when the given pids have all ended.
    private static final class Exits {
        final Map<Integer, ProcessView> all = new ConcurrentHashMap<>();
        final Map<Integer, CompletableFuture<ProcessView>> watched = new ConcurrentHashMap<>();

        void accept(ProcessView v) {
            all.put(v.pid(), v);
            CompletableFuture<ProcessView> f = watched.get(v.pid());
            if (f != null) {
                f.complete(v);
            }
        }
    }

    // Tees System.err (where slf4j-simple writes the kernel's log) into a buffer while it is open;
    // echo false keeps what it captures off the real stderr.
    private static final class ErrCapture implements AutoCloseable {
        private final PrintStream original = System.err;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        ErrCapture() {
            this(true);
        }

        ErrCapture(boolean echo) {
            OutputStream tee = new OutputStream() {
                @Override
                public void write(int b) {
                    if (echo) {
                        original.write(b);
                    }
                    synchronized (copy) {
                        copy.write(b);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    if (echo) {
                        original.write(b, off, len);
                    }
                    synchronized (copy) {
                        copy.write(b, off, len);
                    }
                }
            };
            System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
        }

        String text() {
            synchronized (copy) {
                return copy.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() {
            System.setErr(original);
        }
    }

    @Test
    void adversariesRunningTogetherHurtOnlyThemselves() throws Exception {
        List<List<String>> jobs = List.of(
                List.of("checksum", "300000"),
                List.of("memscan"),
                List.of("memscan", "sv39"),
                List.of("isolate"),
                List.of("isolate", "exec"),
                List.of("badsys"),
                List.of("badsys", "osbox"),
                List.of("jump", "data"),
                List.of("jump", "kernel"),
                List.of("jump", "noncanon"),
                List.of("fault", "write-text"),
                List.of("hello", "still", "here"));
        int[] expected = {0, 0, 0, 0, 0, 0, 0, 139, 139, 139, 139, 0};
        Computer.Options o = Computer.Options.defaults().withHarts(2).withQuantum(20_000)
                .withHostDir(Computer.repositoryRoot());
        try (ErrCapture err = new ErrCapture(); Computer c = Computer.boot(o)) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            c.console().connect(null, console);
            Exits exits = new Exits();
            c.machine().call(() -> {
                c.kernel().addExitListener(exits::accept);
                return null;
            });
            List<Integer> pids = new ArrayList<>();
            for (List<String> job : jobs) {
                byte[] image = Files.readAllBytes(Computer.example(job.get(0)));
                int pid = c.machine().call(() -> {
                    int p = c.start(job.get(0), image, job.subList(1, job.size()));
                    exits.watched.computeIfAbsent(p, k -> new CompletableFuture<>());
                    ProcessView early = exits.all.get(p);
                    if (early != null) {
                        exits.watched.get(p).complete(early);
                    }
                    return p;
                });
                pids.add(pid);
            }
            TreeMap<Integer, ProcessView> top = new TreeMap<>();
            for (int pid : pids) {
                top.put(pid, exits.watched.get(pid).get(5, TimeUnit.MINUTES));
            }
            for (int i = 0; i < jobs.size(); i++) {
                ProcessView v = top.get(pids.get(i));
                assertEquals(expected[i], WaitStatus.shellStatus(v.waitStatus()),
                        jobs.get(i) + ": " + v.killReport());
                if (expected[i] == 139) {
                    assertTrue(v.killReport().contains("killed by SIGSEGV: "), v.killReport());
                    assertTrue(v.killReport().contains("page fault at pc=0x"), v.killReport());
                }
            }
            assertTrue(top.get(pids.get(0)).instructions() > 3_000_000, "checksum ran to the end");

            // the probes' children: each ended by exit or by SIGSEGV from a page fault, nothing else
            int segv = 0;
            for (ProcessView v : exits.all.values()) {
                if (pids.contains(v.pid())) {
                    continue;
                }
                int sig = v.waitStatus() & 0x7f;
                if (sig != 0) {
                    assertEquals(Signals.SIGSEGV, sig, "pid " + v.pid() + " " + v.argv() + ": " + v.killReport());
                    assertTrue(v.killReport().contains("page fault at pc=0x"), v.killReport());
                    segv++;
                }
            }
            // memscan sv39 alone probes 256 unmapped GiB twice and 16 edges
            assertTrue(segv > 550, "probe children killed by SIGSEGV: " + segv);

            // nothing is left: no process, no frame
            assertEquals(0, (int) c.machine().call(() -> c.kernel().processes().size()),
                    () -> "processes left: " + c.kernel().processes());
            assertEquals(0L, (long) c.machine().call(() -> c.kernel().frames().used()), "frames leaked");

            // what the programs printed says the same
            c.machine().call(() -> {
                c.console().flush();
                return null;
            });
            String out = console.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains("memscan: only our own pages are readable"), out);
            assertTrue(out.contains("256 probes, 0 readable, 0 not ours"), out);
            assertTrue(out.contains("child: saw only its own values (exit 0)"), out);
            assertTrue(out.contains("new image: old mmap page SIGSEGV"), out);
            assertTrue(out.contains("badsys: every bad pointer answered EFAULT; still running"), out);
            assertTrue(out.contains("after 8 failed pipe2 calls the next descriptor is 3"), out);
            assertTrue(out.contains("still"), out);
            assertFalse(out.contains("CHANGED") || out.contains("CHILD'S") || out.contains("READABLE")
                    || out.contains("REACHABLE") || out.contains("SOME DID NOT"), out);

            // no host exception: no handler failure in the trace, no error in the kernel's log
            assertEquals(List.of(), hostFailures(c, err));
        }
    }

    // What the kernel recorded of host exceptions: syscall handlers that threw (a NOTE in the
    // trace's recent events) and anything logged at error level (slf4j-simple writes to System.err).
    private static List<String> hostFailures(Computer c, ErrCapture err) throws Exception {
        List<String> out = new ArrayList<>();
        c.machine().call(() -> {
            for (TraceEvent e : c.machine().tracer().events()) {
                if (e.kind() == TraceKind.NOTE && e.text() != null && e.text().contains("failed")) {
                    out.add("trace: " + e.text());
                }
            }
            return null;
        });
        for (String line : err.text().split("\n")) {
            if (line.contains("ERROR") || line.contains("Exception")) {
                out.add("log: " + line);
            }
        }
        return out;
    }

    @Test
    void aHandlerThatThrowsWouldBeSeen() throws Exception {
        // the detector itself: a syscall handler that throws is noticed by hostFailures
        try (ErrCapture err = new ErrCapture(false); Computer c = Computer.boot(Computer.Options.defaults())) {
            c.machine().call(() -> {
                c.kernel().installSyscall(500, "boom", call -> {
                    throw new IllegalStateException("boom");
                });
                return null;
            });
            Computer.Result r = c.run(Computer.example("sysinfo"), List.of(), null);
            assertEquals(0, r.shellStatus(), r.stdoutText());
            List<String> failures = hostFailures(c, err);
            assertTrue(failures.stream().anyMatch(f -> f.startsWith("trace: ") && f.contains("boom")), failures::toString);
            assertTrue(failures.stream().anyMatch(f -> f.startsWith("log: ")), failures::toString);
        }
    }

    // Runs one case of the known bugs (commented out in cases.tsv) against qemu's recorded output.
    private static void matchesLinux(String program, List<String> args) throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults())) {
            CaseFile.Case k = new CaseFile.Case(program, args, "-", 0);
            Computer.Result r = c.run(program, Files.readAllBytes(Computer.example(program)), args, null);
            String expected = Files.readString(CaseFile.DIR.resolve("expected/" + k.expectedName()));
            assertEquals(expected, r.stdoutText(), "stdout of " + k);
            assertEquals(0, r.shellStatus());
        }
    }

    @Test
    void sharedAnonymousMappingIsSharedAcrossFork() throws Exception {
        matchesLinux("isolate", List.of("shared"));
    }

    @Test
    void hugeLengthAnswersEfault() throws Exception {
        matchesLinux("badsys", List.of("huge"));
    }

    @Test
    void mmapFixedOutsideTheUserHalfAnswersEnomem() throws Exception {
        matchesLinux("badsys", List.of("mm"));
    }

    @Test
    void wait4WithABadStatusPointerStillReaps() throws Exception {
        matchesLinux("badsys", List.of("reap"));
    }

    @Test
    void wait4ForAnEmptyProcessGroupAnswersEchild() throws Exception {
        matchesLinux("badsys", List.of("pgrp"));
    }

    @Test
    void gettimeofdayWithABadTimezonePointerAnswersEfault() throws Exception {
        matchesLinux("badsys", List.of("tz"));
    }

    @Test
    void isolationHoldsWhilePagesAreSwapped() throws Exception {
        // 36 frames: copy-on-write pages, page tables and probes' children compete, pages go to swap and back
        try (ErrCapture err = new ErrCapture(); Computer c = Computer.boot(
                Computer.Options.defaults().withMemory(144 * 1024).withSwap(16L << 20))) {
            for (String program : List.of("isolate", "memscan")) {
                Computer.Result r = c.run(Computer.example(program), List.of(), null);
                String expected = Files.readString(CaseFile.DIR.resolve("expected/" + program + ".out"));
                assertEquals(expected, r.stdoutText(), program + " under memory pressure");
                assertEquals(0, r.shellStatus(), program + ": " + r.killReport());
            }
            assertTrue((long) c.machine().call(() -> c.kernel().vm().pageOuts()) > 0, "pages went to swap");
            assertEquals(0L, (long) c.machine().call(() -> c.kernel().frames().used()), "frames leaked");
            assertEquals(List.of(), hostFailures(c, err));
        }
    }
}
