package osbox.shell;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.TlbStatistics;
import osbox.api.kernel.MemoryUsage;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;
import osbox.api.policy.PolicyControl;

/** The text the osbox shell commands print, built from plain snapshots (so it is unit-tested). */
final class Reports {

    private Reports() {
    }

    /**
     * One process, copied on the simulation thread so the shell thread reads no live kernel state.
     */
    record ProcessRow(int pid, int ppid, int tid, String state, String name, long cpuCycles, long instructions,
            long syscalls) {
        /** Copies a view of one thread (call on the simulation thread). */
        static ProcessRow of(ProcessView p) {
            return new ProcessRow(p.pid(), p.ppid(), p.tid(), p.state().name(), p.name(), p.cpuCycles(),
                    p.instructions(), p.syscalls());
        }
    }

    /** The {@code osbox:ps} table: a row per thread (TID; a process's first thread has TID = PID). */
    static String processes(List<ProcessRow> rows) {
        Table t = new Table(">PID", ">PPID", ">TID", "STATE", "NAME", ">CPU-CYCLES", ">INSTRUCTIONS", ">SYSCALLS");
        for (ProcessRow r : rows) {
            t.row(r.pid(), r.ppid(), r.tid(), r.state(), r.name(), r.cpuCycles(), r.instructions(), r.syscalls());
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
     * The {@code sched:list} and {@code vm:list} report: a table of the
     * policies (the active one marked "*" with the options in effect, the
     * others with their defaults, as key=value), then a line for the policy
     * waited for, if any, then the ejections since boot.
     */
    static String policies(List<PolicyControl.Policy> policies, Map<String, String> activeOptions,
            String waitingFor, List<PolicyControl.Ejection> ejections) {
        Table t = new Table("NAME", "ACTIVE", "DESCRIPTION", "OPTIONS");
        boolean listed = false;
        for (PolicyControl.Policy p : policies) {
            Map<String, String> options = inEffect(p.defaults(), p.active() ? activeOptions : Map.of());
            t.row(p.name(), p.active() ? "*" : "", p.description(), PolicyCommands.words(options));
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
            for (PolicyControl.Ejection x : ejections) {
                e.row(x.cycle(), x.policy(), x.reason());
            }
            for (String line : e.render().split("\n")) {
                sb.append("  ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** The {@code vm:stat} report: the active policy, then one counter a line, in the map's order. */
    static String vmStatistics(String active, Map<String, Long> statistics) {
        Table t = new Table("COUNTER", ">VALUE");
        for (Map.Entry<String, Long> e : statistics.entrySet()) {
            t.row(e.getKey(), e.getValue());
        }
        return "page replacement policy: " + active + "\n" + t.render();
    }

    /** One process's memory, copied on the simulation thread. */
    record MemoryRow(int pid, String name, String state, MemoryUsage memory) {
        /** Copies a view (call on the simulation thread). */
        static MemoryRow of(ProcessView p) {
            MemoryUsage m = p.memory();
            return new MemoryRow(p.pid(), p.name(), p.state().name(), m == null ? MemoryUsage.NONE : m);
        }
    }

    /**
     * The per-process part of {@code vm:stat}: resident set, its peak and the
     * swapped pages (in 4 KiB pages), faults by kind (minor = demand zero,
     * image = from the program file, major = from swap, COW), page-ins,
     * page-outs and the TLB hit rate while it ran.
     */
    static String vmProcesses(List<MemoryRow> rows) {
        Table t = new Table(">PID", "NAME", ">RSS", ">PEAK", ">SWAPPED", ">MINOR", ">IMAGE", ">MAJOR", ">COW",
                ">PAGE-INS", ">PAGE-OUTS", ">TLB-HIT");
        for (MemoryRow r : rows) {
            MemoryUsage m = r.memory();
            t.row(r.pid(), r.name(), m.residentPages(), m.peakResidentPages(), m.swappedPages(), m.minorFaults(),
                    m.imageFaults(), m.majorFaults(), m.cowFaults(), m.pageIns(), m.pageOuts(),
                    m.tlbAccesses() > 0 ? String.format(Locale.ROOT, "%.2f %%", m.tlbHitRate()) : "-");
        }
        return t.render();
    }

    /**
     * {@code vm:maps}: a row per region as in /proc/PID/maps (hex START and
     * END, PERMS, KIND) with its pages in frames and in swap now ("-" when
     * not known), then the totals.
     */
    static String vmMaps(int pid, List<osbox.api.memory.RegionUsage> usage) {
        Table t = new Table("START", "END", "PERMS", "KIND", ">RESIDENT", ">SWAPPED");
        long resident = 0;
        long swapped = 0;
        for (osbox.api.memory.RegionUsage u : usage) {
            osbox.api.memory.MemoryRegion r = u.region();
            t.row(String.format(Locale.ROOT, "%012x", r.start()), String.format(Locale.ROOT, "%012x", r.end()),
                    perms(r.prot()), r.kind().name().toLowerCase(Locale.ROOT), count(u.resident()),
                    count(u.swapped()));
            resident += Math.max(0, u.resident());
            swapped += Math.max(0, u.swapped());
        }
        return t.render() + "process " + pid + ": " + usage.size() + " regions, " + resident + " pages resident, "
                + swapped + " swapped (4 KiB pages)\n";
    }

    /**
     * {@code vm:page}: the page and its region, the PTE word, its flags
     * (letters {@link osbox.api.memory.PageEntry#FLAG_LETTERS}) and where the
     * page is: in a frame, in a swap slot (kept in the PTE), or not mapped
     * yet and what the first touch will do.
     */
    static String vmPage(int pid, osbox.api.memory.PageEntry e, osbox.api.memory.MemoryRegion region) {
        StringBuilder b = new StringBuilder();
        b.append("process ").append(pid).append(" page 0x").append(Long.toHexString(e.va())).append(": ")
                .append(region == null ? "in no region"
                        : region.kind().name().toLowerCase(Locale.ROOT) + " " + perms(region.prot()) + " [0x"
                                + Long.toHexString(region.start()) + ", 0x" + Long.toHexString(region.end()) + ")")
                .append('\n');
        b.append("pte   0x").append(String.format(Locale.ROOT, "%016x", e.pte())).append('\n');
        b.append("flags ").append(e.flags())
                .append("  (v valid, r w x, u user, a accessed, d dirty, c copy-on-write, s swapped)\n");
        if (e.present()) {
            b.append("present in frame 0x").append(Long.toHexString(e.frame())).append(" (physical 0x")
                    .append(Long.toHexString(e.frame() << 12)).append(")\n");
        } else if (e.swapped()) {
            b.append("swapped out to slot ").append(e.swapSlot())
                    .append(" (the PTE keeps the slot; the next access faults it back in)\n");
        } else if (region == null) {
            b.append("not mapped (no region: an access gets SIGSEGV)\n");
        } else if (region.kind() == osbox.api.memory.MemoryRegion.Kind.IMAGE) {
            b.append("not mapped (first touch will fill it from the program)\n");
        } else {
            b.append("not mapped (first touch will zero-fill it)\n");
        }
        return b.toString();
    }

    // PROT_* bits as "r-x".
    private static String perms(int prot) {
        return ((prot & osbox.api.memory.AddressSpace.PROT_READ) != 0 ? "r" : "-")
                + ((prot & osbox.api.memory.AddressSpace.PROT_WRITE) != 0 ? "w" : "-")
                + ((prot & osbox.api.memory.AddressSpace.PROT_EXEC) != 0 ? "x" : "-");
    }

    private static String count(long n) {
        return n < 0 ? "-" : Long.toString(n);
    }

    /** {@code vm:stat --json}: the policy, the counters and a memory object per process. */
    static String vmStatisticsJson(String active, Map<String, Long> statistics, List<MemoryRow> rows) {
        StringBuilder b = new StringBuilder("{\n  \"policy\": ").append(jsonString(active)).append(",\n");
        b.append("  \"counters\": {");
        String sep = "";
        for (Map.Entry<String, Long> e : statistics.entrySet()) {
            b.append(sep).append("\n    ").append(jsonString(e.getKey())).append(": ").append(e.getValue());
            sep = ",";
        }
        b.append(statistics.isEmpty() ? "},\n" : "\n  },\n");
        b.append("  \"processes\": [");
        sep = "";
        for (MemoryRow r : rows) {
            MemoryUsage m = r.memory();
            b.append(sep).append("\n    {\"pid\": ").append(r.pid()).append(", \"name\": ").append(jsonString(r.name()))
                    .append(", \"state\": ").append(jsonString(r.state()))
                    .append(", \"residentPages\": ").append(m.residentPages())
                    .append(", \"peakResidentPages\": ").append(m.peakResidentPages())
                    .append(", \"swappedPages\": ").append(m.swappedPages())
                    .append(", \"tablePages\": ").append(m.tablePages())
                    .append(", \"minorFaults\": ").append(m.minorFaults())
                    .append(", \"imageFaults\": ").append(m.imageFaults())
                    .append(", \"majorFaults\": ").append(m.majorFaults())
                    .append(", \"cowFaults\": ").append(m.cowFaults())
                    .append(", \"cowCopies\": ").append(m.cowCopies())
                    .append(", \"pageIns\": ").append(m.pageIns())
                    .append(", \"pageOuts\": ").append(m.pageOuts())
                    .append(", \"tlbAccesses\": ").append(m.tlbAccesses())
                    .append(", \"tlbMisses\": ").append(m.tlbMisses())
                    .append(", \"tlbHits\": ").append(m.tlbHits())
                    .append(", \"tlbHitRate\": ").append(String.format(Locale.ROOT, "%.4f", m.tlbHitRate()))
                    .append('}');
            sep = ",";
        }
        b.append(rows.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return b.toString();
    }

    private static String jsonString(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    // The defaults (in the provider's order) with the given options over them.
    private static Map<String, String> inEffect(Map<String, String> defaults, Map<String, String> given) {
        Map<String, String> m = new java.util.LinkedHashMap<>(defaults);
        m.putAll(given);
        return m;
    }

    /** "[pid 3 exited with status 0]" or "[pid 3 killed by SIGSEGV]". */
    static String exit(int pid, int waitStatus) {
        if (WaitStatus.isSignaled(waitStatus)) {
            return "[pid " + pid + " " + WaitStatus.describe(waitStatus) + "]";
        }
        return "[pid " + pid + " exited with status " + WaitStatus.exitCode(waitStatus) + "]";
    }
}
