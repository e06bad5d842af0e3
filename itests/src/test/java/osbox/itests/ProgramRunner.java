package osbox.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import osbox.api.hw.Console;
import osbox.api.hw.Machine;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;

/**
 * Runs example programs on the machine in the framework through its
 * services, as {@code osbox.harness.Computer#run} does without OSGi.
 *
 * <p>The console's host side is connected once, to one byte buffer; each
 * program's output is the part of that buffer written between its spawn and
 * its exit (the console is flushed at both points on the simulation thread),
 * less what an earlier {@link #await} already gave to another program. That
 * is exact as long as programs that overlap do not write at the same time: a
 * background program that prints only when it ends, and is checked to be
 * still running while others run to completion, does not.
 */
final class ProgramRunner {
    /** Host time any one wait may take, generously. */
    static final long TIMEOUT_SECONDS = 60;

    /** Environment given to every program. */
    static final List<String> ENVP = List.of("PATH=/bin", "HOME=/");

    private final Machine machine;
    private final ProcessManager processes;
    private final Console console;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** End of the output already given to a finished program (simulation thread only). */
    private int consumed;

    /** Connects the console's host side: no input (end of input at once), output to this runner's buffer. */
    ProgramRunner(Machine machine, ProcessManager processes, Console console) {
        this.machine = machine;
        this.processes = processes;
        this.console = console;
        console.connect(null, out);
    }

    /** The path of an example program, {@code examples/programs/NAME.elf} under the repository root. */
    static Path example(String name) {
        String root = System.getProperty("osbox.root");
        if (root == null) {
            throw new IllegalStateException("osbox.root is not set: run the integration tests with `mvn verify`");
        }
        return Path.of(root, "examples", "programs", name + ".elf");
    }

    /** A program started and not yet waited for. */
    static final class Started {
        final int pid;
        final String path;
        final List<String> argv;
        final int outputStart;
        final CompletableFuture<ProcessView> exit;
        final Consumer<ProcessView> listener;

        Started(int pid, String path, List<String> argv, int outputStart, CompletableFuture<ProcessView> exit,
                Consumer<ProcessView> listener) {
            this.pid = pid;
            this.path = path;
            this.argv = argv;
            this.outputStart = outputStart;
            this.exit = exit;
            this.listener = listener;
        }
    }

    /** What a finished program left: its view at exit and the console output written while it ran. */
    record Run(int pid, ProcessView view, String stdout) {
        int waitStatus() {
            return view.waitStatus();
        }

        int shellStatus() {
            return WaitStatus.shellStatus(view.waitStatus());
        }

        String killReport() {
            return view.killReport();
        }

        /** For assertion messages. */
        String describe() {
            return "pid " + pid + " " + view.argv() + ": " + WaitStatus.describe(view.waitStatus())
                    + (view.killReport() == null ? "" : " (" + view.killReport() + ")") + ", stdout:\n" + stdout;
        }
    }

    /**
     * Spawns {@code path} (argv = [path] + args) and registers its exit
     * listener in one call on the simulation thread, so its exit cannot be
     * missed, even if it ends at once.
     */
    Started start(Path path, String... args) throws Exception {
        byte[] image = Files.readAllBytes(path);
        String p = path.toString();
        List<String> argv = new ArrayList<>();
        argv.add(p);
        argv.addAll(Arrays.asList(args));
        CompletableFuture<ProcessView> exit = new CompletableFuture<>();
        int[] pidBox = new int[1];
        Consumer<ProcessView> listener = v -> {
            if (v.pid() == pidBox[0]) {
                exit.complete(v);
            }
        };
        int[] startBox = new int[1];
        int pid = machine.call(() -> {
            console.flush();
            startBox[0] = out.size();
            // The listener runs on this thread, after this call: pidBox is set before any exit.
            int child = processes.spawn(p, image, argv, ENVP);
            pidBox[0] = child;
            processes.addExitListener(listener);
            return child;
        });
        return new Started(pid, p, List.copyOf(argv), startBox[0], exit, listener);
    }

    /** Waits for a started program to exit; returns its status and output. */
    Run await(Started s) throws Exception {
        ProcessView v = s.exit.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        String stdout = machine.call(() -> {
            console.flush();
            processes.removeExitListener(s.listener);
            int from = Math.max(s.outputStart, consumed);
            consumed = out.size();
            return output(from);
        });
        return new Run(s.pid, v, stdout);
    }

    /** Runs a program to completion. */
    Run run(Path path, String... args) throws Exception {
        return await(start(path, args));
    }

    /** Everything the console transmitted so far (flushed on the simulation thread). */
    String allOutput() throws Exception {
        return machine.call(() -> {
            console.flush();
            return output(0);
        });
    }

    private String output(int from) {
        byte[] all = out.toByteArray();
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    /** Reads a file of expected output. */
    static String expected(String name) throws IOException {
        return Files.readString(Path.of(System.getProperty("osbox.root"), "examples", "programs", "expected", name));
    }
}
