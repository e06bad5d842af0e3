package osbox.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import osbox.api.kernel.MemoryUsage;
import osbox.api.trace.TraceKind;

/**
 * Per process series from a report's memory events: the resident set and
 * swapped pages over time (steps) and the cumulative faults by kind. When the
 * trace buffer lost the run's beginning, a series starts at the process's
 * first event kept, and the fault counts are anchored at the end to the final
 * counters (so the last value is the process's total, the first the faults it
 * had before the kept events).
 */
final class MemoryTrace {
    /** The fault kinds drawn, in legend order. */
    enum Fault {
        ZERO_FILL("zero fill (minor)", TraceKind.ZERO_FILL_FAULT, "#1f77b4"),
        IMAGE("image", TraceKind.IMAGE_FAULT, "#2ca02c"),
        COW("copy-on-write", TraceKind.COW_FAULT, "#ff7f0e"),
        MAJOR("major (page-in)", TraceKind.PAGE_IN, "#d62728");

        final String label;
        final TraceKind kind;
        final String colour;

        Fault(String label, TraceKind kind, String colour) {
            this.label = label;
            this.kind = kind;
            this.colour = colour;
        }

        static Fault of(TraceKind k) {
            for (Fault f : values()) {
                if (f.kind == k) {
                    return f;
                }
            }
            return null;
        }

        long of(MemoryUsage u) {
            return switch (this) {
                case ZERO_FILL -> u.minorFaults();
                case IMAGE -> u.imageFaults();
                case COW -> u.cowFaults();
                case MAJOR -> u.majorFaults();
            };
        }
    }

    /** A value from {@code at} on. */
    record Point(long at, long value) {
    }

    /** One process. */
    static final class Series {
        final int pid;
        final String name;
        final String label;
        final int colourIndex;
        final long arrival;
        final long exit;
        final MemoryUsage usage;
        final List<Point> resident = new ArrayList<>();
        final List<Point> swapped = new ArrayList<>();
        @SuppressWarnings("unchecked")
        final List<Point>[] faults = new List[Fault.values().length];
        final long[] counted = new long[Fault.values().length];
        long pageIns;
        long pageOuts;
        long cowCopies;
        long peak;
        int events;

        Series(int pid, String name, String label, int colourIndex, long arrival, long exit, MemoryUsage usage) {
            this.pid = pid;
            this.name = name;
            this.label = label;
            this.colourIndex = colourIndex;
            this.arrival = arrival;
            this.exit = exit;
            this.usage = usage;
            for (int i = 0; i < faults.length; i++) {
                faults[i] = new ArrayList<>();
            }
        }

        /** Faults of kind f in total: the final counter when known, else what the trace shows. */
        long total(Fault f) {
            return Math.max(f.of(usage), counted[f.ordinal()]);
        }

        /** The largest value of the resident set: the counter's peak when known, else the trace's. */
        long peak() {
            return Math.max(usage.peakResidentPages(), peak);
        }

        /** The usage, or one made of the trace's counts when the kernel gave none. */
        MemoryUsage effectiveUsage() {
            if (!usage.isEmpty()) {
                return usage;
            }
            return new MemoryUsage(0, peak, 0, 0, counted[0], counted[1], counted[3], counted[2], cowCopies, pageIns,
                    pageOuts, 0, 0);
        }
    }

    final Map<Integer, Series> series = new LinkedHashMap<>();
    final long end;
    final long known;

    private MemoryTrace(long end, long known) {
        this.end = end;
        this.known = known;
    }

    /** The series of every process of the report: the workload's (started), the others, then pids only seen. */
    static MemoryTrace of(RunReport r) {
        long end = Math.max(1, r.elapsed());
        MemoryTrace t = new MemoryTrace(end, r.traceComplete() ? 0 : r.traceStart());
        int index = 0;
        for (RunReport.ProcessResult p : r.processes()) {
            if (p.pid() != 0) {
                t.series.put(p.pid(), new Series(p.pid(), p.label(), p.label() + " (pid " + p.pid() + ")", index, p.arrival(),
                        p.completion(), p.memory()));
            }
            index++;
        }
        int next = r.processes().size();
        for (RunReport.OtherProcess o : r.others()) {
            if (!t.series.containsKey(o.pid())) {
                t.series.put(o.pid(), new Series(o.pid(), o.name() + " (child of " + o.ppid() + ")", o.name() + " (pid " + o.pid() + ", child of " + o.ppid()
                        + ")", next++, o.arrival(), o.exit(), o.memory()));
            }
        }
        for (RunReport.MemoryMark m : r.memory()) {
            if (!t.series.containsKey(m.pid()) && m.pid() != 0) {
                t.series.put(m.pid(), new Series(m.pid(), "pid " + m.pid(), "pid " + m.pid(), next++, -1, -1, MemoryUsage.NONE));
            }
        }
        Map<Integer, List<RunReport.MemoryMark>> byPid = new java.util.HashMap<>();
        for (RunReport.MemoryMark m : r.memory()) {
            byPid.computeIfAbsent(m.pid(), k -> new ArrayList<>()).add(m);
        }
        for (Series s : t.series.values()) {
            t.build(s, byPid.getOrDefault(s.pid, List.of()), r.traceComplete());
        }
        return t;
    }

    private void build(Series s, List<RunReport.MemoryMark> marks, boolean complete) {
        long resident = -1;
        long swapped = complete ? 0 : -1;
        // spawned or forked during the kept part of the trace: everything about it is known from its creation
        boolean startKnown = s.arrival >= 0 && (complete || s.arrival >= known);
        if (startKnown) {
            swapped = 0;
        }
        if (startKnown) {
            resident = 0;
            s.resident.add(new Point(s.arrival, 0));
            s.swapped.add(new Point(s.arrival, 0));
        }
        long[] count = new long[Fault.values().length];
        List<long[]> faultMarks = new ArrayList<>();
        for (RunReport.MemoryMark m : marks) {
            if (m.pid() != s.pid) {
                continue;
            }
            s.events++;
            long at = m.at();
            Fault f = Fault.of(m.kind());
            if (f != null) {
                count[f.ordinal()]++;
                faultMarks.add(new long[] {at, f.ordinal()});
            }
            switch (m.kind()) {
                case PAGE_IN -> {
                    s.pageIns++;
                    swapped = swapped < 0 ? -1 : Math.max(0, swapped - 1);
                }
                case PAGE_OUT -> {
                    s.pageOuts++;
                    swapped = swapped < 0 ? -1 : swapped + 1;
                }
                case COW_FAULT -> s.cowCopies += m.copied() ? 1 : 0;
                case MEMORY -> swapped = m.swapped();
                default -> {
                }
            }
            if (m.resident() != resident) {
                resident = m.resident();
                s.resident.add(new Point(at, resident));
            }
            s.peak = Math.max(s.peak, resident);
            if (swapped >= 0 && (s.swapped.isEmpty() || s.swapped.get(s.swapped.size() - 1).value() != swapped)) {
                s.swapped.add(new Point(at, swapped));
            }
        }
        System.arraycopy(count, 0, s.counted, 0, count.length);
        // exit: the space is gone
        if (s.exit >= 0 && !s.resident.isEmpty()) {
            if (s.resident.get(s.resident.size() - 1).value() != 0) {
                s.resident.add(new Point(s.exit, 0));
            }
            if (!s.swapped.isEmpty() && s.swapped.get(s.swapped.size() - 1).value() != 0) {
                s.swapped.add(new Point(s.exit, 0));
            }
        }
        // cumulative faults: from 0 at the start when it is known, else anchored to the final counters
        long stop = s.exit >= 0 ? s.exit : end;
        for (Fault f : Fault.values()) {
            long c = startKnown ? 0 : Math.max(0, f.of(s.usage) - count[f.ordinal()]);
            List<Point> line = s.faults[f.ordinal()];
            long from = startKnown ? s.arrival : Math.max(known, Math.max(0, s.arrival));
            if (c > 0) {
                line.add(new Point(from, c));
            }
            for (long[] fm : faultMarks) {
                if (fm[1] == f.ordinal()) {
                    long at = Math.max(from, fm[0]);
                    if (line.isEmpty()) {
                        line.add(new Point(at, 0));
                    }
                    c++;
                    line.add(new Point(at, c));
                }
            }
            if (startKnown && f.of(s.usage) > c) {
                // counted by the kernel but not traced: shown as reached at the end
                if (line.isEmpty()) {
                    line.add(new Point(from, 0));
                }
                c = f.of(s.usage);
                line.add(new Point(stop, c));
            }
        }
    }

    /** The largest resident set of any process in the trace (at least 1). */
    long maxResident() {
        long max = 1;
        for (Series s : series.values()) {
            for (Point p : s.resident) {
                max = Math.max(max, p.value());
            }
            for (Point p : s.swapped) {
                max = Math.max(max, p.value());
            }
        }
        return max;
    }
}
