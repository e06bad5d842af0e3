package osbox.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import osbox.api.trace.TraceKind;
import osbox.kernel.core.waits.Deadlock;

/**
 * One booted computer for the deadlock programs' tests
 * (examples/programs/deadlock): runs a program under a detection policy
 * and collects what the detector found during that run. Close it after
 * the test class.
 */
final class DeadlockRuns implements AutoCloseable {
    /**
     * A program's run: its output and shell status, the deadlocks found
     * during it, and the DEADLOCK trace events still in the tracer's buffer
     * for them.
     */
    record Run(String out, int status, List<Deadlock> found, long traced) {
    }

    private final Computer computer;

    DeadlockRuns() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
    }

    Computer computer() {
        return computer;
    }

    /** Runs {@code elf} as {@code name} with {@code args} under the detection policy {@code policy}. */
    Run run(String name, Path elf, String policy, String... args) throws Exception {
        int before = computer.machine().call(() -> {
            computer.kernel().deadlocks().select(policy, Map.of());
            return computer.kernel().deadlocks().found();
        });
        Computer.Result r = computer.run(name, Files.readAllBytes(elf), List.of(args), null);
        List<Deadlock> all = computer.machine().call(() -> computer.kernel().deadlocks().deadlocks());
        int after = computer.machine().call(() -> computer.kernel().deadlocks().found());
        long traced = computer.machine().call(() -> computer.machine().tracer().events().stream()
                .filter(e -> e.kind() == TraceKind.DEADLOCK && e.a() > before).count());
        return new Run(r.stdoutText(), r.shellStatus(), all.subList(all.size() - (after - before), all.size()),
                traced);
    }

    @Override
    public void close() {
        computer.close();
    }
}
