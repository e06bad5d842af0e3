package osbox.workload;

import java.util.Map;
import osbox.api.kernel.MemoryUsage;
import osbox.api.sched.TaskAttributes;

/** The JSON renderings: the report and the Chrome trace. */
final class ReportJson {
    /** Chrome trace process ids of the two groups of tracks. */
    static final int HARTS_PID = 1;
    static final int PROCESSES_PID = 2;

    private ReportJson() {
    }

    /** Writes the report (pretty, then a newline) to {@code w}. */
    static void report(RunReport r, java.io.Writer w) {
        Json j = new Json(w, true);
        j.begin();
        j.field("workload", r.workload()).field("file", r.file()).field("policy", r.policy())
                .field("finalPolicy", r.finalPolicy()).field("frequencyHz", r.frequencyHz()).field("harts", r.harts())
                .field("timeUnit", "cycles").field("startCycle", r.startCycle()).field("elapsed", r.elapsed())
                .raw("elapsedMs", r.ms(r.elapsed())).field("busyCycles", r.busyCycles())
                .field("cpuUtilisation", r.utilisation()).field("throughput", r.throughput())
                .field("completed", r.completed().size());
        j.key("averages").begin().field("turnaround", r.averageTurnaround()).field("response", r.averageResponse())
                .field("wait", r.averageWait()).field("cpu", r.averageCpu()).end();
        j.key("processes").beginArray();
        for (RunReport.ProcessResult p : r.processes()) {
            j.begin().field("pid", p.pid()).field("name", p.label()).field("program", p.program());
            j.key("args").beginArray();
            for (String a : p.args()) {
                j.value(a);
            }
            j.endArray();
            TaskAttributes t = p.attributes();
            j.field("nice", t.nice()).field("priority", t.priority()).field("tickets", t.tickets())
                    .field("lengthHint", t.lengthHint()).field("burstHint", t.burstHint());
            j.field("arrival", p.arrival()).field("firstRun", p.firstRun()).field("completion", p.completion())
                    .field("turnaround", p.turnaround()).field("response", p.response()).field("wait", p.waitTime())
                    .field("cpu", p.cpuCycles()).field("instructions", p.instructions())
                    .field("syscalls", p.syscalls()).field("voluntarySwitches", p.voluntarySwitches())
                    .field("involuntarySwitches", p.involuntarySwitches()).field("waitStatus", p.waitStatus())
                    .field("status", p.status()).field("killReport", p.killReport()).field("error", p.error());
            memory(j.key("memory"), p.memory());
            if (!r.disk().io(p.pid()).isEmpty()) {
                DiskSection.counters(j.key("io"), r.disk().io(p.pid()));
            }
            j.end();
        }
        j.endArray();
        j.key("others").beginArray();
        for (RunReport.OtherProcess o : r.others()) {
            j.begin().field("pid", o.pid()).field("ppid", o.ppid()).field("name", o.name())
                    .field("arrival", o.arrival()).field("exit", o.exit());
            memory(j.key("memory"), o.memory());
            if (!r.disk().io(o.pid()).isEmpty()) {
                DiskSection.counters(j.key("io"), r.disk().io(o.pid()));
            }
            j.end();
        }
        j.endArray();
        j.key("memory").begin();
        memory(j.key("totals"), r.memoryTotals());
        j.key("traceEvents").begin();
        long[] byKind = new long[osbox.api.trace.TraceKind.values().length];
        for (RunReport.MemoryMark m : r.memory()) {
            byKind[m.kind().ordinal()]++;
        }
        j.field("total", r.memory().size());
        for (osbox.api.trace.TraceKind k : osbox.api.trace.TraceKind.values()) {
            if (k.ordinal() >= osbox.api.trace.TraceKind.ZERO_FILL_FAULT.ordinal()) {
                j.field(k.name(), byKind[k.ordinal()]);
            }
        }
        j.end().end();
        j.key("swaps").beginArray();
        for (RunReport.SwapResult s : r.swaps()) {
            j.begin().field("at", s.at()).field("policy", s.policy());
            options(j, s.options());
            j.field("activeAfter", s.activeAfter()).field("error", s.error()).end();
        }
        j.endArray();
        j.key("ejections").beginArray();
        for (RunReport.Ejection e : r.ejections()) {
            j.begin().field("at", e.at()).field("policy", e.policy()).field("reason", e.reason()).end();
        }
        j.endArray();
        j.key("deadlocks").beginArray();
        for (RunReport.DeadlockMark d : r.deadlocks()) {
            j.begin().field("at", d.at()).field("pid", d.pid()).field("text", d.text()).end();
        }
        j.endArray();
        j.key("threads").beginArray();
        for (RunReport.ThreadResult t : r.threads()) {
            j.begin().field("tid", t.tid()).field("pid", t.pid()).field("name", t.name()).field("created", t.created())
                    .field("firstRun", t.firstRun()).field("ended", t.ended()).field("cpu", t.cpuCycles())
                    .field("instructions", t.instructions()).field("syscalls", t.syscalls())
                    .field("voluntarySwitches", t.voluntarySwitches())
                    .field("involuntarySwitches", t.involuntarySwitches()).field("boosts", t.boosts()).end();
        }
        j.endArray();
        j.field("boostCount", r.boostCount());
        j.key("boosts").beginArray();
        for (RunReport.BoostMark b : r.boosts()) {
            j.begin().field("at", b.at()).field("hart", b.hart()).field("tid", b.tid()).field("to", b.to())
                    .field("from", b.from()).field("raised", b.raised()).field("text", b.text()).end();
        }
        j.endArray();
        if (r.hasDisks()) {
            DiskSection.json(j.key("disk"), r.disk());
        }
        j.key("trace").begin().field("complete", r.traceComplete()).field("start", r.traceStart())
                .field("syscalls", r.syscalls().size()).field("syscallsDropped", r.syscallsDropped()).end();
        j.key("slices").beginArray();
        for (RunReport.Slice s : r.slices()) {
            j.begin().field("hart", s.hart()).field("pid", s.pid()).field("start", s.start()).field("end", s.end())
                    .end();
        }
        j.endArray();
        j.end();
        j.finish();
    }

    /** A MemoryUsage as an object (after a key): every counter, TLB hits and hit rate (percent), faults. */
    static void memory(Json j, MemoryUsage u) {
        j.begin().field("residentPages", u.residentPages()).field("peakResidentPages", u.peakResidentPages())
                .field("swappedPages", u.swappedPages()).field("tablePages", u.tablePages())
                .field("minorFaults", u.minorFaults()).field("imageFaults", u.imageFaults())
                .field("majorFaults", u.majorFaults()).field("cowFaults", u.cowFaults())
                .field("cowCopies", u.cowCopies()).field("faults", u.faults()).field("pageIns", u.pageIns())
                .field("pageOuts", u.pageOuts()).field("tlbAccesses", u.tlbAccesses())
                .field("tlbMisses", u.tlbMisses()).field("tlbHits", u.tlbHits()).field("tlbHitRate", u.tlbHitRate())
                .end();
    }

    private static void options(Json j, Map<String, String> options) {
        j.key("options").begin();
        for (Map.Entry<String, String> e : options.entrySet()) {
            j.field(e.getKey(), e.getValue());
        }
        j.end();
    }

    /** Writes the Chrome trace (compact, then a newline) to {@code w}, event by event. */
    static void chromeTrace(RunReport r, java.io.Writer w) {
        long hz = r.frequencyHz();
        Json j = new Json(w, false);
        j.begin().field("displayTimeUnit", "ms");
        j.key("otherData").begin().field("workload", r.workload()).field("policy", r.policy())
                .field("frequencyHz", hz).field("traceComplete", r.traceComplete()).end();
        j.key("traceEvents").beginArray();
        meta(j, HARTS_PID, -1, "process_name", "name", "osbox harts (" + r.workload() + ")");
        meta(j, HARTS_PID, -1, "process_sort_index", "sort_index", "0");
        for (int h = 0; h < r.harts(); h++) {
            meta(j, HARTS_PID, h, "thread_name", "name", "hart " + h);
            meta(j, HARTS_PID, h, "thread_sort_index", "sort_index", Integer.toString(h));
        }
        meta(j, PROCESSES_PID, -1, "process_name", "name", "osbox processes");
        meta(j, PROCESSES_PID, -1, "process_sort_index", "sort_index", "1");
        int index = 0;
        for (RunReport.ProcessResult p : r.processes()) {
            int tid = tid(p, index);
            meta(j, PROCESSES_PID, tid, "thread_name", "name",
                    p.label() + (p.pid() == 0 ? " (not started)" : " (pid " + p.pid() + ")"));
            meta(j, PROCESSES_PID, tid, "thread_sort_index", "sort_index", Integer.toString(index));
            if (p.completed()) {
                j.begin().field("name", p.label()).field("cat", "lifetime").field("ph", "X")
                        .raw("ts", Times.us(p.arrival(), hz)).raw("dur", Times.us(p.turnaround(), hz))
                        .field("pid", PROCESSES_PID).field("tid", tid);
                j.key("args").begin().field("pid", p.pid()).field("status", p.status())
                        .raw("turnaroundMs", r.ms(p.turnaround())).raw("responseMs", r.ms(Math.max(0, p.response())))
                        .raw("waitMs", r.ms(p.waitTime())).raw("cpuMs", r.ms(p.cpuCycles())).end();
                j.end();
            }
            instant(j, "arrival", "process", p.arrival(), hz, PROCESSES_PID, tid, "t");
            if (!p.completed() && p.error() != null) {
                instant(j, "not started: " + p.error(), "process", p.arrival(), hz, PROCESSES_PID, tid, "t");
            }
            index++;
        }
        java.util.TreeMap<Integer, Integer> rows = rows(r);
        java.util.TreeSet<Integer> named = new java.util.TreeSet<>(rows.keySet());
        for (RunReport.OtherProcess o : r.others()) {
            if (named.add(o.pid())) {
                meta(j, PROCESSES_PID, o.pid(), "thread_name", "name",
                        o.name() + " (pid " + o.pid() + ", child of " + o.ppid() + ")");
                meta(j, PROCESSES_PID, o.pid(), "thread_sort_index", "sort_index", Integer.toString(index++));
            }
        }
        memoryEvents(j, r, rows, named, index);
        for (RunReport.Slice s : r.slices()) {
            Integer row = rows.get(s.pid());
            String label = row == null ? "pid " + s.pid() : r.processes().get(row).label();
            j.begin().field("name", label).field("cat", "run").field("ph", "X").raw("ts", Times.us(s.start(), hz))
                    .raw("dur", Times.us(s.length(), hz)).field("pid", HARTS_PID).field("tid", s.hart());
            j.key("args").begin().field("pid", s.pid()).end();
            j.end();
            if (row != null) {
                int i = row;
                j.begin().field("name", "running on hart " + s.hart()).field("cat", "run").field("ph", "X")
                        .raw("ts", Times.us(s.start(), hz)).raw("dur", Times.us(s.length(), hz))
                        .field("pid", PROCESSES_PID).field("tid", tid(r.processes().get(i), i)).end();
            }
        }
        for (RunReport.SyscallMark m : r.syscalls()) {
            j.begin().field("name", m.name()).field("cat", "syscall").field("ph", "i").field("s", "t")
                    .raw("ts", Times.us(m.at(), hz)).field("pid", HARTS_PID).field("tid", Math.max(0, m.hart()));
            Integer row = rows.get(m.pid());
            j.key("args").begin().field("pid", m.pid())
                    .field("process", row == null ? "pid " + m.pid() : r.processes().get(row).label())
                    .field("number", m.number()).field("result", m.result()).end();
            j.end();
        }
        for (RunReport.BoostMark b : r.boosts()) {
            Integer row = rows.get(b.tid());
            j.begin().field("name", b.raised() ? "priority boost" : "priority back").field("cat", "priority")
                    .field("ph", "i").field("s", "t").raw("ts", Times.us(b.at(), hz));
            if (row != null) {
                j.field("pid", PROCESSES_PID).field("tid", tid(r.processes().get(row), row));
            } else {
                j.field("pid", HARTS_PID).field("tid", Math.max(0, b.hart()));
            }
            j.key("args").begin().field("tid", b.tid()).field("to", b.to()).field("from", b.from())
                    .field("text", b.text()).end();
            j.end();
        }
        DiskTrace.events(j, r);
        for (RunReport.SwapResult s : r.swaps()) {
            j.begin().field("name", (s.error() == null ? "policy " : "policy refused: ") + s.policy())
                    .field("cat", "policy").field("ph", "i").field("s", "g").raw("ts", Times.us(s.at(), hz))
                    .field("pid", HARTS_PID).field("tid", 0);
            j.key("args").begin().field("activeAfter", s.activeAfter()).field("error", s.error());
            options(j, s.options());
            j.end().end();
        }
        for (RunReport.Ejection e : r.ejections()) {
            j.begin().field("name", "ejected: " + e.policy()).field("cat", "policy").field("ph", "i").field("s", "g")
                    .raw("ts", Times.us(e.at(), hz)).field("pid", HARTS_PID).field("tid", 0);
            j.key("args").begin().field("reason", e.reason()).end();
            j.end();
        }
        j.endArray().end();
        j.finish();
    }

    /**
     * Memory: a counter per process ("RSS label": resident and swapped pages)
     * on the processes' group, and an instant on the process's track per fault,
     * page-in and page-out.
     */
    private static void memoryEvents(Json j, RunReport r, java.util.TreeMap<Integer, Integer> rows,
            java.util.TreeSet<Integer> named, int index) {
        long hz = r.frequencyHz();
        java.util.TreeMap<Integer, Long> swapped = new java.util.TreeMap<>();
        for (RunReport.MemoryMark m : r.memory()) {
            int pid = m.pid();
            if (named.add(pid)) {
                meta(j, PROCESSES_PID, pid, "thread_name", "name", "pid " + pid);
                meta(j, PROCESSES_PID, pid, "thread_sort_index", "sort_index", Integer.toString(index++));
            }
            Integer row = rows.get(pid);
            String label = row == null ? "pid " + pid : r.processes().get(row).label();
            long sw = swapped.getOrDefault(pid, r.traceComplete() ? 0L : -1L);
            switch (m.kind()) {
                case PAGE_OUT -> sw = sw < 0 ? -1 : sw + 1;
                case PAGE_IN -> sw = sw < 0 ? -1 : Math.max(0, sw - 1);
                case MEMORY -> sw = m.swapped();
                default -> {
                }
            }
            swapped.put(pid, sw);
            j.begin().field("name", "RSS " + label + " (pid " + pid + ")").field("cat", "memory").field("ph", "C")
                    .raw("ts", Times.us(m.at(), hz)).field("pid", PROCESSES_PID);
            j.key("args").begin().field("resident", m.resident());
            if (sw >= 0) {
                j.field("swapped", sw);
            }
            j.end().end();
            if (m.kind() != osbox.api.trace.TraceKind.MEMORY) {
                j.begin().field("name", memoryName(m)).field("cat", "memory").field("ph", "i").field("s", "t")
                        .raw("ts", Times.us(m.at(), hz)).field("pid", PROCESSES_PID).field("tid", pid);
                j.key("args").begin().field("page", "0x" + Long.toHexString(m.page()))
                        .field("access", (m.access() & 0xe) == 0 ? "unknown" : osbox.api.hw.Access.name(m.access() & 0xe))
                        .field("resident", m.resident()).field("hart", m.hart()).end();
                j.end();
            }
        }
    }

    static String memoryName(RunReport.MemoryMark m) {
        return switch (m.kind()) {
            case ZERO_FILL_FAULT -> "zero-fill fault";
            case IMAGE_FAULT -> "image fault";
            case COW_FAULT -> m.copied() ? "copy-on-write fault (copied)" : "copy-on-write fault (taken back)";
            case PAGE_IN -> "major fault (page-in)";
            case PAGE_OUT -> "page-out";
            default -> m.kind().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static int tid(RunReport.ProcessResult p, int index) {
        return p.pid() != 0 ? p.pid() : 1_000_000 + index;
    }

    /** Index in the report's process list by pid (started processes only). */
    static java.util.TreeMap<Integer, Integer> rows(RunReport r) {
        java.util.TreeMap<Integer, Integer> rows = new java.util.TreeMap<>();
        for (int i = 0; i < r.processes().size(); i++) {
            if (r.processes().get(i).pid() != 0) {
                rows.put(r.processes().get(i).pid(), i);
            }
        }
        // a thread's slices and calls belong to its process's row
        for (RunReport.ThreadResult t : r.threads()) {
            Integer row = rows.get(t.pid());
            if (row != null) {
                rows.putIfAbsent(t.tid(), row);
            }
        }
        return rows;
    }

    /** A metadata event: names or orders a track ({@code tid}) or a group ({@code tid} -1). */
    static void meta(Json j, int pid, int tid, String name, String arg, String value) {
        j.begin().field("name", name).field("ph", "M").field("pid", pid);
        if (tid >= 0) {
            j.field("tid", tid);
        }
        j.key("args").begin();
        if (arg.equals("sort_index")) {
            j.field(arg, Long.parseLong(value));
        } else {
            j.field(arg, value);
        }
        j.end().end();
    }

    private static void instant(Json j, String name, String cat, long at, long hz, int pid, int tid, String scope) {
        j.begin().field("name", name).field("cat", cat).field("ph", "i").field("s", scope)
                .raw("ts", Times.us(at, hz)).field("pid", pid).field("tid", tid).end();
    }
}
