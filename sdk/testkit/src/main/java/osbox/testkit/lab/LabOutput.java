package osbox.testkit.lab;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/**
 * A lab's command line run in memory, as a policy's tests run it: its exit
 * status and what it printed on standard output and standard error.
 *
 * @param status the exit status (0 success, 1 the policy broke the rules, 2 bad input)
 * @param out what it printed on standard output (UTF-8)
 * @param err what it printed on standard error (UTF-8)
 */
public record LabOutput(int status, String out, String err) {
    /** {@code lab paging ARGS} with only {@code providers} known ({@link PagingLab#run}). */
    public static LabOutput paging(Map<String, ReplacementPolicyProvider> providers, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PagingLab.run(args, providers, print(out), print(err));
        return new LabOutput(status, text(out), text(err));
    }

    /** {@code lab sched ARGS} with only {@code providers} known ({@link SchedLab#run}). */
    public static LabOutput sched(Map<String, SchedulingPolicyProvider> providers, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SchedLab.run(args, providers, print(out), print(err));
        return new LabOutput(status, text(out), text(err));
    }

    /** {@code lab deadlock ARGS} ({@link DeadlockLab#run}). */
    public static LabOutput deadlock(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DeadlockLab.run(args, print(out), print(err));
        return new LabOutput(status, text(out), text(err));
    }

    /** {@code lab disk ARGS} ({@link DiskLab#run}). */
    public static LabOutput disk(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DiskLab.run(args, print(out), print(err));
        return new LabOutput(status, text(out), text(err));
    }

    /** {@code lab disk ARGS} with {@code providers} as the osbox I/O schedulers ({@link DiskLab#run}). */
    public static LabOutput disk(Map<String, IoSchedulingPolicyProvider> providers, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DiskLab.run(args, providers, print(out), print(err));
        return new LabOutput(status, text(out), text(err));
    }

    /**
     * The standard output of a run that had to succeed; throws AssertionError
     * naming the status and quoting the error output when the status is not 0.
     */
    public String expectSuccess() {
        if (status != 0) {
            throw new AssertionError("lab exited with status " + status + ": " + err);
        }
        return out;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
