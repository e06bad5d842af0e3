package osbox.harness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;

/**
 * Runs untrusted images on the whole computer, one at a time, each within a
 * budget of simulated cycles, and classifies how each ended: refused by the
 * loader, exited, killed by a signal, or still going at the budget (a
 * runaway or a program blocked for good). Anything else is a problem: Java
 * exception text in what the user would see (the refusal, the kill report,
 * the program's output, the log on stderr), a refusal that is not one line,
 * or a machine that neither finishes the program nor reaches the budget in
 * {@link #HOST_TIMEOUT_SECONDS} of host time (a hang). Every image that is
 * not refused runs on a freshly booted computer, so its outcome depends on
 * its bytes alone, not on the host's timing or the mutants before it.
 */
final class MutantRunner implements AutoCloseable {

    /** How a run ended. */
    enum Outcome { REFUSED, EXITED, SIGNALLED, AT_BUDGET, FAILED }

    /** The outcome, what the user would see of it (one line), and the problem when FAILED. */
    record Verdict(Outcome outcome, String detail, String problem) {
    }

    /** Host seconds a run may take before it counts as a hang. */
    static final int HOST_TIMEOUT_SECONDS = 120;

    /** Java exception text: a class named *Exception or *Error, or a stack frame. */
    static final Pattern JAVA_EXCEPTION = Pattern.compile(
            "\\b[A-Z][A-Za-z0-9_$]*(Exception|Error)\\b|\\bat [a-z][\\w$]*(\\.[\\w$<>]+)+\\(");

    private final Computer.Options options;
    private final long budgetCycles;
    private final StderrCapture stderr;
    private Computer computer;

    /** Runs on computers with these options, each run within budgetCycles, watching stderr. */
    MutantRunner(Computer.Options options, long budgetCycles, StderrCapture stderr) {
        this.options = options;
        this.budgetCycles = budgetCycles;
        this.stderr = stderr;
    }

    /** Runs one image (argv = [path]) with stdin at its end and says how it ended. */
    Verdict run(String path, byte[] image) throws Exception {
        if (computer == null) {
            computer = Computer.boot(options);
        }
        stderr.take();
        Verdict v = runOnce(path, image);
        String log = stderr.take();
        if (v.outcome() != Outcome.FAILED && JAVA_EXCEPTION.matcher(log).find()) {
            v = new Verdict(Outcome.FAILED, v.detail(), "Java exception text on stderr: " + firstLines(log));
        }
        if (v.outcome() != Outcome.REFUSED) {
            // a run moves the clock and may leave children behind: the next one starts on a fresh computer
            close();
        }
        return v;
    }

    // One run on the current computer (which is powered off afterwards unless the image was refused).
    private Verdict runOnce(String path, byte[] image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        computer.console().connect(null, out); // end of input at once: a deterministic stdin
        // completed on the simulation thread by whichever comes first: the exit (a view) or the budget
        CompletableFuture<Object> end = new CompletableFuture<>();
        Object budget = "budget";
        int[] pid = {-1};
        Consumer<ProcessView> listener = view -> {
            if (view.pid() == pid[0]) {
                end.complete(view);
            }
        };
        String refusal = computer.machine().call(() -> {
            computer.kernel().addExitListener(listener);
            try {
                pid[0] = computer.kernel().spawn(path, image, List.of(path), List.of("PATH=/bin", "HOME=/"));
            } catch (ExecFormatException e) {
                computer.kernel().removeExitListener(listener);
                return String.valueOf(e.getMessage());
            }
            computer.machine().events().schedule(computer.machine().now() + budgetCycles, () -> end.complete(budget));
            return null;
        });
        if (refusal != null) {
            return refused(refusal);
        }
        Object first;
        try {
            first = end.get(HOST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new Verdict(Outcome.FAILED, "host timeout", "neither ended nor reached the budget of "
                    + budgetCycles + " cycles in " + HOST_TIMEOUT_SECONDS + " s of host time (a hang)");
        }
        if (first == budget) {
            return new Verdict(Outcome.AT_BUDGET, "still running after " + budgetCycles + " cycles", null);
        }
        ProcessView exit = (ProcessView) first;
        computer.machine().call(() -> {
            computer.console().flush();
            return null;
        });
        String output = out.toString(StandardCharsets.ISO_8859_1);
        if (JAVA_EXCEPTION.matcher(output).find()) {
            return new Verdict(Outcome.FAILED, "output", "Java exception text in the output: " + firstLines(output));
        }
        int status = exit.waitStatus();
        if (WaitStatus.isSignaled(status)) {
            String report = exit.killReport() == null ? "" : exit.killReport();
            if (JAVA_EXCEPTION.matcher(report).find() || report.contains("\n")) {
                return new Verdict(Outcome.FAILED, report, "the kill report is not one clean line: " + report);
            }
            return new Verdict(Outcome.SIGNALLED, "status " + WaitStatus.shellStatus(status) + ": " + report, null);
        }
        return new Verdict(Outcome.EXITED, "status " + WaitStatus.shellStatus(status), null);
    }

    // The loader's refusal: one clean line.
    private static Verdict refused(String reason) {
        if (reason.isBlank() || reason.contains("\n") || JAVA_EXCEPTION.matcher(reason).find()) {
            return new Verdict(Outcome.FAILED, reason, "the refusal is not one clean line: " + reason);
        }
        return new Verdict(Outcome.REFUSED, reason, null);
    }

    // At most the first three lines, for a message.
    private static String firstLines(String text) {
        String[] lines = text.split("\n", 4);
        return String.join(" | ", List.of(lines).subList(0, Math.min(3, lines.length)));
    }

    /** Powers the current computer off; the next run boots a fresh one. */
    @Override
    public void close() {
        if (computer != null) {
            computer.close();
            computer = null;
        }
    }
}
