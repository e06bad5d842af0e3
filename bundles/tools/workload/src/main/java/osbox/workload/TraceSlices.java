package osbox.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import osbox.api.trace.TraceEvent;

/**
 * Run slices and syscall marks from trace events: a slice starts when a
 * CONTEXT_SWITCH puts a process on a hart and ends at the next switch on that
 * hart, or when the process exits or is killed. Per hart the events are in
 * time order (harts run one after another inside a window, so the buffer as
 * a whole need not be). Times are made relative to the start of the run.
 */
final class TraceSlices {
    /** At most this many syscall marks are kept (the first ones). */
    static final int MAX_SYSCALLS = 20_000;

    private final List<RunReport.Slice> slices = new ArrayList<>();
    private final List<RunReport.SyscallMark> syscalls = new ArrayList<>();
    private final List<RunReport.MemoryMark> memory = new ArrayList<>();
    private long memoryDropped;
    private long syscallsDropped;
    private long firstCycle;

    private TraceSlices() {
    }

    /**
     * Exit times by pid from PROCESS_EXIT events, which carry the exiting
     * hart's clock (ProcessView.exitedAt has the machine's clock, which may
     * lag a hart by up to a scheduling window).
     */
    static java.util.TreeMap<Integer, Long> exits(List<TraceEvent> events) {
        java.util.TreeMap<Integer, Long> exits = new java.util.TreeMap<>();
        for (TraceEvent e : events) {
            if (e.kind() == osbox.api.trace.TraceKind.PROCESS_EXIT) {
                exits.put(e.pid(), e.cycle());
            }
        }
        return exits;
    }

    List<RunReport.Slice> slices() {
        return slices;
    }

    List<RunReport.SyscallMark> syscalls() {
        return syscalls;
    }

    long syscallsDropped() {
        return syscallsDropped;
    }

    /** The memory events, by time (at most RunReport.MAX_MEMORY_MARKS, the first ones). */
    List<RunReport.MemoryMark> memory() {
        return memory;
    }

    long memoryDropped() {
        return memoryDropped;
    }

    /** Relative cycle from which the slices are known (0 unless the trace buffer lost the run's beginning). */
    long firstCycle() {
        return firstCycle;
    }

    /**
     * @param events    the run's events, oldest first
     * @param t0        absolute cycle the run started at
     * @param end       absolute cycle the run ended at (open slices end there)
     * @param harts     number of harts
     * @param truncated true when the events do not reach back to t0 (a process
     *                  switched away from was running since the first event)
     */
    static TraceSlices of(List<TraceEvent> events, long t0, long end, int harts, boolean truncated) {
        TraceSlices t = new TraceSlices();
        int[] current = new int[harts];
        long[] since = new long[harts];
        boolean[] seen = new boolean[harts];
        long first = truncated && !events.isEmpty() ? Math.max(t0, events.get(0).cycle()) : t0;
        t.firstCycle = first - t0;
        for (TraceEvent e : events) {
            long at = Math.max(e.cycle(), t0);
            switch (e.kind()) {
                case CONTEXT_SWITCH -> {
                    int h = e.hart();
                    if (h < 0 || h >= harts) {
                        break;
                    }
                    int from = (int) e.a();
                    int to = (int) e.b();
                    if (current[h] != 0) {
                        t.add(h, current[h], since[h], at, t0);
                    } else if (!seen[h] && truncated && from != 0) {
                        t.add(h, from, first, at, t0);
                    }
                    seen[h] = true;
                    current[h] = to;
                    since[h] = at;
                }
                case PROCESS_EXIT, PROCESS_KILL -> {
                    for (int h = 0; h < harts; h++) {
                        if (current[h] == e.pid() && e.pid() != 0) {
                            t.add(h, current[h], since[h], at, t0);
                            current[h] = 0;
                            seen[h] = true;
                        }
                    }
                }
                case SYSCALL -> {
                    if (t.syscalls.size() < MAX_SYSCALLS) {
                        t.syscalls.add(new RunReport.SyscallMark(at - t0, e.hart(), e.pid(), (int) e.a(), e.b()));
                    } else {
                        t.syscallsDropped++;
                    }
                }
                case ZERO_FILL_FAULT, IMAGE_FAULT, COW_FAULT, PAGE_IN, PAGE_OUT, MEMORY -> {
                    if (t.memory.size() < RunReport.MAX_MEMORY_MARKS) {
                        t.memory.add(RunReport.MemoryMark.of(e, t0));
                    } else {
                        t.memoryDropped++;
                    }
                }
                default -> {
                }
            }
        }
        for (int h = 0; h < harts; h++) {
            if (current[h] != 0) {
                t.add(h, current[h], since[h], Math.max(end, since[h]), t0);
            }
        }
        t.slices.sort(Comparator.comparingLong(RunReport.Slice::start).thenComparingInt(RunReport.Slice::hart));
        t.memory.sort(Comparator.comparingLong(RunReport.MemoryMark::at));
        t.syscalls.sort(Comparator.comparingLong(RunReport.SyscallMark::at).thenComparingInt(RunReport.SyscallMark::hart));
        return t;
    }

    private void add(int hart, int pid, long start, long stop, long t0) {
        if (stop > start) {
            slices.add(new RunReport.Slice(hart, pid, start - t0, stop - t0));
        }
    }

    /** Names of the syscalls workloads commonly make, for trace labels. */
    static String syscallName(int number) {
        return switch (number) {
            case 17 -> "getcwd";
            case 23 -> "dup";
            case 24 -> "dup3";
            case 25 -> "fcntl";
            case 29 -> "ioctl";
            case 57 -> "close";
            case 59 -> "pipe2";
            case 62 -> "lseek";
            case 63 -> "read";
            case 64 -> "write";
            case 65 -> "readv";
            case 66 -> "writev";
            case 80 -> "fstat";
            case 93 -> "exit";
            case 94 -> "exit_group";
            case 96 -> "set_tid_address";
            case 101 -> "nanosleep";
            case 113 -> "clock_gettime";
            case 124 -> "sched_yield";
            case 129 -> "kill";
            case 160 -> "uname";
            case 169 -> "gettimeofday";
            case 172 -> "getpid";
            case 173 -> "getppid";
            case 178 -> "gettid";
            case 214 -> "brk";
            case 215 -> "munmap";
            case 220 -> "clone";
            case 221 -> "execve";
            case 222 -> "mmap";
            case 226 -> "mprotect";
            case 260 -> "wait4";
            default -> "syscall " + number;
        };
    }
}
