package osbox.itests;

import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real front door, as a user meets it: the {@code osbox} script with the
 * real distribution ({@code distribution/target/osbox.jar}, built before this
 * module), run as a separate process from the repository's root. Every
 * regression test of a command line, a shell session or a pipe goes through
 * here, so they all start osbox the same way.
 *
 * <p>Use: {@code OsboxCommand.of("run", "examples/programs/hello.elf").run()}
 * gives a {@link Result}; {@link #stdin(String)}, {@link #stdinFile(Path)},
 * {@link #env(String, String)} and {@link #timeoutSeconds(int)} change how it
 * runs; {@link #pipeline(String)} runs the script inside a bash pipeline.
 * A test that needs the jar or bash is skipped, with a message, when either
 * is missing. A run that does not end within its timeout is killed and fails
 * the test: a hang is a bug.
 */
final class OsboxCommand {

    /** The repository's root (the itests module runs in {@code itests/}). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** What a run printed and how it ended. */
    record Result(int status, String out, String err) {

        /** The run, for an assertion's message. */
        String describe() {
            return "status " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final List<String> args;
    private final Map<String, String> env = new LinkedHashMap<>();
    private String stdin;
    private Path stdinFile = Path.of("/dev/null");
    private String pipeline;
    private int timeoutSeconds = 120;

    private OsboxCommand(List<String> args) {
        this.args = args;
    }

    /** A run of {@code ./osbox ARGS...}, stdin from /dev/null until told otherwise. */
    static OsboxCommand of(String... args) {
        return new OsboxCommand(List.of(args));
    }

    /** Feeds {@code text} (UTF-8) to osbox's stdin. */
    OsboxCommand stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Feeds the file (for example /dev/zero) to osbox's stdin. */
    OsboxCommand stdinFile(Path file) {
        this.stdin = null;
        this.stdinFile = file;
        return this;
    }

    /** Sets an environment variable of the run (OSBOX_JAVA_OPTS, say). */
    OsboxCommand env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Kills the run and fails the test after this many seconds (default 120). */
    OsboxCommand timeoutSeconds(int seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /**
     * Runs osbox inside a bash pipeline: {@code tail} follows it, for example
     * {@code "| head -c 100"}. The result's status is osbox's own (bash's
     * PIPESTATUS[0]), its stdout what the pipeline printed.
     */
    OsboxCommand pipeline(String tail) {
        this.pipeline = tail;
        return this;
    }

    /** Runs it and waits for the end; skips the test when osbox is not built. */
    Result run() throws IOException, InterruptedException {
        boolean ready = Files.isRegularFile(ROOT.resolve("distribution/target/osbox.jar"))
                && new File("/bin/bash").canExecute();
        if (!ready) {
            System.err.println("OsboxCommand: skipped, distribution/target/osbox.jar or bash is missing");
        }
        assumeTrue(ready);
        List<String> command = new ArrayList<>();
        command.add("/bin/bash");
        if (pipeline == null) {
            command.add(ROOT.resolve("osbox").toString());
            command.addAll(args);
        } else {
            // "$0" "$@" keeps every argument as given; the status is osbox's
            command.addAll(List.of("-c", "\"$0\" \"$@\" " + pipeline + "; exit ${PIPESTATUS[0]}",
                    ROOT.resolve("osbox").toString()));
            command.addAll(args);
        }
        Path out = Files.createTempFile("osbox-it", ".out");
        Path err = Files.createTempFile("osbox-it", ".err");
        Path in = null;
        try {
            if (stdin != null) {
                in = Files.createTempFile("osbox-it", ".in");
                Files.writeString(in, stdin, StandardCharsets.UTF_8);
            }
            ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from((in != null ? in : stdinFile).toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("osbox " + String.join(" ", args) + (pipeline == null ? "" : " " + pipeline)
                        + " did not finish in " + timeoutSeconds + " s (a hang)");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (in != null) {
                Files.deleteIfExists(in);
            }
        }
    }
}
