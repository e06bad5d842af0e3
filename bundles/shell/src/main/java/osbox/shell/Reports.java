package osbox.shell;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.TlbStatistics;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;
import osbox.api.sched.SchedulerControl;
import osbox.api.vm.VmControl;

/** The text the osbox shell commands print, built from plain snapshots (so it is unit-tested). */
final class Reports {

    private Reports() {
    }

    /**
     * One process, copied on the simulation thread so the shell thread reads no live kernel state.
     */
    record ProcessRow(int pid, int ppid, String state, String name, long cpuCycles, long instructions,
            long syscalls) {
        /** Copies a view (call on the simulation thread). */
        static ProcessRow of(ProcessView p) {
            return new ProcessRow(p.pid(), p.ppid(), p.state().name(), p.name(), p.cpuCycles(), p.instructions(),
                    p.syscalls());
        }
    }

    /** The {@code osbox:ps} table. */
    static String processes(List<ProcessRow> rows) {
        Table t = new Table(">PID", ">PPID", "STATE", "NAME", ">CPU-CYCLES", ">INSTRUCTIONS", ">SYSCALLS");
        for (ProcessRow r : rows) {
            t.row(r.pid(), r.ppid(), r.state(), r.name(), r.cpuCycles(), r.instructions(), r.syscalls());
        }
        return t.render();
    }

    /** The {@code osbox:stats} report. */
    static String statistics(MachineStatistics s) {
        Table t = new Table("", ">");
        t.row("simulated time", String.format(Locale.ROOT, "%.6f s", s.seconds()));
        t.row("cycles", s.now());
        t.row("frequency", s.frequencyHz() + " Hz");
        t.row("instructions", s.instret());
        t.row("cycles busy", s.busyCycles());
        t.row("cycles idle", s.idleCycles());
        t.row("events fired", s.events());
        long traps = 0;
        for (long n : s.traps().values()) {
            traps += n;
        }
        t.row("traps", traps);
        for (Map.Entry<String, Long> e : s.traps().entrySet()) {
            t.row("  " + e.getKey(), e.getValue());
        }
        TlbStatistics tlb = s.tlb();
        t.row("TLB accesses", tlb.accesses());
        t.row("TLB hits", tlb.hits());
        t.row("TLB misses", tlb.misses());
        t.row("TLB hit rate", String.format(Locale.ROOT, "%.2f %%", tlb.hitRate()));
        t.row("page walks", tlb.walks());
        t.row("page faults", tlb.faults());
        t.row("TLB flushes", tlb.flushes());
        return t.render();
    }

    /**
     * The {@code sched:list} report: a table of the policies (the active one
     * marked "*", options with their defaults as key=value), then a line for
     * the policy waited for, if any, then the ejections since boot.
     */
    static String policies(List<SchedulerControl.Policy> policies, String waitingFor,
            List<SchedulerControl.Ejection> ejections) {
        return policyReport(
                policies.stream().map(p -> new PolicyRow(p.name(), p.description(), p.defaults(), p.active()))
                        .toList(),
                waitingFor,
                ejections.stream().map(e -> new EjectionRow(e.cycle(), e.policy(), e.reason())).toList());
    }

    /** The {@code vm:list} report: the same layout as {@code sched:list}, for page-replacement policies. */
    static String vmPolicies(List<VmControl.Policy> policies, String waitingFor, List<VmControl.Ejection> ejections) {
        return policyReport(
                policies.stream().map(p -> new PolicyRow(p.name(), p.description(), p.defaults(), p.active()))
                        .toList(),
                waitingFor,
                ejections.stream().map(e -> new EjectionRow(e.cycle(), e.policy(), e.reason())).toList());
    }

    /** The {@code vm:stat} report: the active policy, then one counter a line, in the map's order. */
    static String vmStatistics(String active, Map<String, Long> statistics) {
        Table t = new Table("COUNTER", ">VALUE");
        for (Map.Entry<String, Long> e : statistics.entrySet()) {
            t.row(e.getKey(), e.getValue());
        }
        return "page replacement policy: " + active + "\n" + t.render();
    }

    private record PolicyRow(String name, String description, Map<String, String> defaults, boolean active) {
    }

    private record EjectionRow(long cycle, String policy, String reason) {
    }

    private static String policyReport(List<PolicyRow> policies, String waitingFor, List<EjectionRow> ejections) {
        Table t = new Table("NAME", "ACTIVE", "DESCRIPTION", "OPTIONS");
        boolean listed = false;
        for (PolicyRow p : policies) {
            t.row(p.name(), p.active() ? "*" : "", p.description(), SchedCommands.options(p.defaults()));
            listed |= p.name().equals(waitingFor);
        }
        StringBuilder sb = new StringBuilder(t.render());
        if (waitingFor != null) {
            sb.append("waiting for: ").append(waitingFor).append(listed
                    ? " (chosen; its provider is here but did not take the options: choose it again)"
                    : " (chosen; it runs when its bundle starts)").append('\n');
        }
        if (ejections.isEmpty()) {
            sb.append("ejections: none\n");
        } else {
            sb.append("ejections:\n");
            Table e = new Table(">CYCLE", "POLICY", "REASON");
            for (EjectionRow x : ejections) {
                e.row(x.cycle(), x.policy(), x.reason());
            }
            for (String line : e.render().split("\n")) {
                sb.append("  ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** "[pid 3 exited with status 0]" or "[pid 3 killed by SIGSEGV]". */
    static String exit(int pid, int waitStatus) {
        if (WaitStatus.isSignaled(waitStatus)) {
            return "[pid " + pid + " " + WaitStatus.describe(waitStatus) + "]";
        }
        return "[pid " + pid + " exited with status " + WaitStatus.exitCode(waitStatus) + "]";
    }
}
