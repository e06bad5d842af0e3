package osbox.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ProcessState;
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
 * {@link #HOST_TIMEOUT_SECONDS} of host time (a hang). A fresh computer is
 * booted after a run that may have left something behind.
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

    /** Runs one image (argv = [path]) with an empty stdin and says how it ended. */
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
        if (v.outcome() == Outcome.AT_BUDGET || v.outcome() == Outcome.FAILED || somethingLeft()) {
            close();
        }
        return v;
    }

    // One run on the current computer.
    private Verdict runOnce(String path, byte[] image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        computer.console().connect(new ByteArrayInputStream(new byte[0]), out);
        CompletableFuture<ProcessView> exit = new CompletableFuture<>();
        CompletableFuture<Long> budget = new CompletableFuture<>();
        int[] pid = {-1};
        long[] budgetEvent = {-1};
        Consumer<ProcessView> listener = view -> {
            if (view.pid() == pid[0]) {
                exit.complete(view);
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
            long at = computer.machine().now() + budgetCycles;
            budgetEvent[0] = computer.machine().events().schedule(at, () -> budget.complete(at));
            return null;
        });
        if (refusal != null) {
            return refused(refusal);
        }
        try {
            CompletableFuture.anyOf(exit, budget).get(HOST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return new Verdict(Outcome.FAILED, "host timeout", "neither ended nor reached the budget of "
                    + budgetCycles + " cycles in " + HOST_TIMEOUT_SECONDS + " s of host time (a hang)");
        }
        if (!exit.isDone()) {
            return new Verdict(Outcome.AT_BUDGET, "still running after " + budgetCycles + " cycles", null);
        }
        computer.machine().call(() -> {
            computer.kernel().removeExitListener(listener);
            computer.machine().events().cancel(budgetEvent[0]);
            computer.console().flush();
            return null;
        });
        ProcessView end = exit.get();
        String output = out.toString(StandardCharsets.ISO_8859_1);
        if (JAVA_EXCEPTION.matcher(output).find()) {
            return new Verdict(Outcome.FAILED, "output", "Java exception text in the output: " + firstLines(output));
        }
        int status = end.waitStatus();
        if (WaitStatus.isSignaled(status)) {
            String report = end.killReport() == null ? "" : end.killReport();
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

    // Whether a process other than a zombie is still there (an orphan the mutant forked, say).
    private boolean somethingLeft() throws Exception {
        if (computer == null) {
            return false;
        }
        return computer.machine().call(() -> computer.kernel().processes().stream()
                .anyMatch(p -> p.state() != ProcessState.ZOMBIE));
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
