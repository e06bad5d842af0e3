package osbox.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import osbox.api.hw.Machine;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.api.policy.PolicyControl;
import osbox.api.trace.TraceEvent;

/**
 * Runs a {@link Workload} on a machine through the API services and reports
 * on it. Plain Java: the launcher, the shell and tests call it with the
 * services they hold.
 *
 * <p>Everything is scripted in one simulation-thread task (see
 * docs/architecture.md, "One simulation thread"): the starting policy is
 * chosen, an exit listener registered, and every arrival and policy swap
 * scheduled as a machine event at its simulated time (relative to the
 * start of the run). An idle machine jumps its clock to the next event, so
 * the run is the same whatever the host does meanwhile. The calling host
 * thread then waits until every process of the workload has exited.
 * Processes get the console as their descriptors 0-2, like any top-level
 * process: their output goes wherever the machine's console goes.
 */
public final class WorkloadRunner {
    /** Environment of every workload process. */
    public static final List<String> ENVIRONMENT = ProgramRunner.ENVIRONMENT;

    private WorkloadRunner() {
    }

    /**
     * Runs the workload to completion (waits as long as it takes) and returns
     * its report. Call from a host thread, not the simulation thread.
     *
     * @throws WorkloadException when it cannot run on this machine: a
     *         different clock or number of harts than the workload asks
     *         for, a policy that is not available, options a policy rejects
     */
    public static RunReport run(Workload workload, Machine machine, ProcessManager processes,
            PolicyControl scheduler) throws WorkloadException, InterruptedException {
        return run(workload, machine, processes, scheduler, null);
    }

    /**
     * The same, waiting at most {@code hostTimeout} of host time (null: no limit).
     *
     * @throws WorkloadException also when the host timeout passes first
     */
    public static RunReport run(Workload workload, Machine machine, ProcessManager processes,
            PolicyControl scheduler, Duration hostTimeout) throws WorkloadException, InterruptedException {
        return run(workload, machine, processes, scheduler, null, hostTimeout);
    }

    /**
     * The same, with the page-replacement slot: the report lists the
     * replacement policies it ejected during the run (without it, those whose
     * ejection note is still in the trace).
     *
     * @param vm the VM manager's control, or null
     */
    public static RunReport run(Workload workload, Machine machine, ProcessManager processes,
            PolicyControl scheduler, PolicyControl vm, Duration hostTimeout)
            throws WorkloadException, InterruptedException {
        if (machine.onSimulationThread()) {
            throw new IllegalStateException("WorkloadRunner.run waits for the simulation: call it from a host thread");
        }
        check(workload, machine, scheduler);
        Run run = new Run(workload, machine, processes, scheduler, vm);
        try {
            machine.call(() -> {
                run.start();
                return null;
            });
        } catch (WorkloadException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkloadException(workload.file() + ": cannot start: " + e.getMessage(), e);
        }
        try {
            if (hostTimeout == null) {
                run.done.get();
            } else {
                run.done.get(hostTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new WorkloadException(workload.file() + ": run failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            submitQuietly(machine, run::stop);
            throw new WorkloadException(workload.file() + ": not finished after " + hostTimeout.toSeconds()
                    + " s of host time (" + run.pending() + " processes still running)");
        }
        try {
            return machine.call(run::report);
        } catch (Exception e) {
            throw new WorkloadException(workload.file() + ": cannot report: " + e, e);
        }
    }

    private static void submitQuietly(Machine machine, Runnable r) {
        try {
            machine.submit(r);
        } catch (RuntimeException e) {
            // the machine is gone: nothing to clean up
        }
    }

    // What can be checked before anything happens: the clock, the harts, the policy names.
    private static void check(Workload w, Machine machine, PolicyControl scheduler) throws WorkloadException {
        if (machine.frequencyHz() != w.frequencyHz()) {
            throw new WorkloadException(w.file() + ": times were converted at " + w.frequencyHz()
                    + " Hz but the machine runs at " + machine.frequencyHz()
                    + " Hz (load it with Workload.load(file, machine.frequencyHz()))");
        }
        if (w.settings().harts() > 0 && w.settings().harts() != machine.hartCount()) {
            throw new WorkloadException(w.file() + ": machine.harts: the workload asks for " + w.settings().harts()
                    + " harts but the machine has " + machine.hartCount() + " (start osbox with --harts "
                    + w.settings().harts() + ")");
        }
        TreeSet<String> names = new TreeSet<>();
        for (PolicyControl.Policy p : scheduler.policies()) {
            names.add(p.name());
        }
        if (w.scheduler() != null && !names.contains(w.scheduler().policy())) {
            throw new WorkloadException(w.file() + ": scheduler.policy: no policy '" + w.scheduler().policy()
                    + "' (available: " + String.join(", ", names) + ")");
        }
        for (int i = 0; i < w.swaps().size(); i++) {
            String p = w.swaps().get(i).scheduler().policy();
            if (!names.contains(p)) {
                throw new WorkloadException(w.file() + ": swaps[" + i + "].policy: no policy '" + p + "' (available: "
                        + String.join(", ", names) + ")");
            }
        }
    }

    /** One run's state; touched only on the simulation thread. */
    private static final class Run {
        final Workload w;
        final Machine machine;
        final ProcessManager pm;
        final PolicyControl sc;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final TreeMap<Integer, Integer> running = new TreeMap<>();
        final List<Workload.ProcessSpec> order = new ArrayList<>();
        RunReport.ProcessResult[] results;
        final List<RunReport.SwapResult> swaps = new ArrayList<>();
        final List<RunReport.OtherProcess> others = new ArrayList<>();
        final List<Long> eventIds = new ArrayList<>();
        final Consumer<ProcessView> listener = this::exited;
        final Consumer<ProcessView> threadListener = this::threadEnded;
        /** The threads of the workload's processes that ended, as they ended. */
        final List<RunReport.ThreadResult> threads = new ArrayList<>();
        long t0;
        long count0;
        long busy0;
        /** Busy cycles when the last process exited, or -1 until then. */
        long busyAtEnd = -1;
        int ejections0;
        final PolicyControl vm;
        int vmEjections0;
        int arrived;
        String policy;
        volatile int pendingCount;

        Run(Workload w, Machine machine, ProcessManager pm, PolicyControl sc, PolicyControl vm) {
            this.vm = vm;
            this.w = w;
            this.machine = machine;
            this.pm = pm;
            this.sc = sc;
        }

        int pending() {
            return pendingCount;
        }

        void start() throws WorkloadException {
            if (w.scheduler() != null) {
                try {
                    sc.use(w.scheduler().policy(), w.scheduler().options());
                } catch (IllegalArgumentException e) {
                    throw new WorkloadException(w.file() + ": scheduler.options: " + e.getMessage());
                }
            }
            t0 = machine.now();
            count0 = machine.tracer().count();
            busy0 = machine.statistics().busyCycles();
            ejections0 = sc.ejections().size();
            vmEjections0 = vm == null ? 0 : vm.ejections().size();
            policy = sc.active();
            pendingCount = w.processes().size();
            pm.addExitListener(listener);
            pm.addThreadExitListener(threadListener);
            for (Workload.Swap s : w.swaps()) {
                eventIds.add(machine.events().schedule(t0 + s.at(), () -> swap(s)));
            }
            // arrivals in time order, ties in file order: pids follow arrival order
            order.addAll(w.processes());
            order.sort(java.util.Comparator.comparingLong(Workload.ProcessSpec::arrival));
            results = new RunReport.ProcessResult[order.size()];
            for (int i = 0; i < order.size(); i++) {
                int index = i;
                eventIds.add(machine.events().schedule(t0 + order.get(i).arrival(), () -> arrive(index)));
            }
        }

        void swap(Workload.Swap s) {
            long at = machine.now() - t0;
            try {
                sc.use(s.scheduler().policy(), s.scheduler().options());
                swaps.add(new RunReport.SwapResult(at, s.scheduler().policy(), s.scheduler().options(), sc.active(),
                        null));
            } catch (RuntimeException e) {
                swaps.add(new RunReport.SwapResult(at, s.scheduler().policy(), s.scheduler().options(), sc.active(),
                        String.valueOf(e.getMessage())));
            }
        }

        void arrive(int index) {
            Workload.ProcessSpec p = order.get(index);
            arrived++;
            try {
                int pid = pm.spawn(p.path(), p.image(), p.argv(), ENVIRONMENT, p.attributes());
                running.put(pid, index);
            } catch (Exception | StackOverflowError e) {
                results[index] = RunReport.ProcessResult.failed(p.label(), p.path(), p.args(), p.attributes(),
                        machine.now() - t0, e.getMessage() == null ? e.toString() : e.getMessage());
                pendingCount--;
            }
            checkDone();
        }

        void exited(ProcessView v) {
            Integer index = running.remove(v.pid());
            if (index == null) {
                if (v.createdAt() >= t0 && !done.isDone()) {
                    // a process the workload's processes started (a forked child)
                    others.add(new RunReport.OtherProcess(v.pid(), v.ppid(), v.name(), v.createdAt() - t0,
                            v.exitedAt() < 0 ? -1 : v.exitedAt() - t0, memoryOf(v)));
                }
                return;
            }
            Workload.ProcessSpec p = order.get(index);
            // the process's figures are its threads' together (the kernel told of each as it ended, the last
            // just now); a kernel that tells of no thread leaves the first thread's own
            long[] sum = {v.cpuCycles(), v.instructions(), v.syscalls(), v.voluntarySwitches(),
                v.involuntarySwitches()};
            long firstRun = v.firstRunAt() < 0 ? -1 : v.firstRunAt() - t0;
            List<RunReport.ThreadResult> mine = threads.stream().filter(t -> t.pid() == v.pid()).toList();
            if (!mine.isEmpty()) {
                java.util.Arrays.fill(sum, 0);
                for (RunReport.ThreadResult t : mine) {
                    sum[0] += t.cpuCycles();
                    sum[1] += t.instructions();
                    sum[2] += t.syscalls();
                    sum[3] += t.voluntarySwitches();
                    sum[4] += t.involuntarySwitches();
                }
            }
            results[index] = (new RunReport.ProcessResult(v.pid(), p.label(), p.path(), p.args(), p.attributes(),
                    v.createdAt() - t0, firstRun, v.exitedAt() - t0, sum[0], sum[1], sum[2], sum[3], sum[4],
                    v.waitStatus(), v.killReport(), null, memoryOf(v)));
            pendingCount--;
            checkDone();
        }

        // A thread of one of the workload's processes ended (its process's last one too): its row.
        void threadEnded(ProcessView v) {
            if (running.containsKey(v.pid()) && !done.isDone()) {
                threads.add(new RunReport.ThreadResult(v.tid(), v.pid(), v.name(), v.createdAt() - t0,
                        v.firstRunAt() < 0 ? -1 : v.firstRunAt() - t0, v.exitedAt() < 0 ? -1 : v.exitedAt() - t0,
                        v.cpuCycles(), v.instructions(), v.syscalls(), v.voluntarySwitches(),
                        v.involuntarySwitches(), 0));
            }
        }

        static osbox.api.kernel.MemoryUsage memoryOf(ProcessView v) {
            try {
                return v.memory();
            } catch (RuntimeException e) {
                return osbox.api.kernel.MemoryUsage.NONE;
            }
        }

        void checkDone() {
            if (arrived == w.processes().size() && running.isEmpty()) {
                // read inside the exit listener, before the machine charges the exit trap's own cycles
                // to the hart: the run ends at the exit (the trace's exit time), so must its busy cycles
                busyAtEnd = machine.statistics().busyCycles();
                pm.removeExitListener(listener);
                pm.removeThreadExitListener(threadListener);
                done.complete(null);
            }
        }

        void stop() {
            pm.removeExitListener(listener);
            pm.removeThreadExitListener(threadListener);
            for (long id : eventIds) {
                machine.events().cancel(id);
            }
        }

        /** How the VM manager's trace note of an ejection starts (then the name, " ejected: ", the reason). */
        private static final String VM_EJECTED = "page replacement policy ";
        /** What follows a replacement policy's name in the report's ejections. */
        private static final String VM_SUFFIX = " (page replacement)";

        RunReport report() {
            List<TraceEvent> buffer = machine.tracer().events();
            long since = machine.tracer().count() - count0;
            boolean complete = since <= buffer.size();
            List<TraceEvent> events = complete ? buffer.subList((int) (buffer.size() - since), buffer.size()) : buffer;
            // exit times from the trace (the exiting hart's clock) where it has them
            TreeMap<Integer, Long> exits = TraceSlices.exits(events);
            long end = 0;
            for (int i = 0; i < results.length; i++) {
                RunReport.ProcessResult r = results[i];
                Long exit = r.pid() == 0 ? null : exits.get(r.pid());
                if (exit != null && r.completed()) {
                    results[i] = r = r.withCompletion(exit - t0);
                }
                end = Math.max(end, Math.max(r.completion(), r.arrival()));
            }
            for (int i = 0; i < others.size(); i++) {
                RunReport.OtherProcess o = others.get(i);
                Long exit = exits.get(o.pid());
                if (exit != null && o.exit() >= 0) {
                    others.set(i, new RunReport.OtherProcess(o.pid(), o.ppid(), o.name(), o.arrival(), exit - t0,
                            o.memory()));
                }
            }
            TraceSlices slices = TraceSlices.of(events, t0, t0 + end, machine.hartCount(), !complete);
            List<RunReport.Ejection> ejections = new ArrayList<>();
            List<PolicyControl.Ejection> all = sc.ejections();
            for (int i = ejections0; i < all.size(); i++) {
                PolicyControl.Ejection e = all.get(i);
                ejections.add(new RunReport.Ejection(e.cycle() - t0, e.policy(), e.reason()));
            }
            // page-replacement policies ejected by the VM manager: from its control, else from its trace notes
            if (vm != null) {
                List<PolicyControl.Ejection> all2 = vm.ejections();
                for (int i = vmEjections0; i < all2.size(); i++) {
                    PolicyControl.Ejection e = all2.get(i);
                    ejections.add(new RunReport.Ejection(e.cycle() - t0, e.policy() + VM_SUFFIX, e.reason()));
                }
            }
            for (TraceEvent e : vm != null ? List.<TraceEvent>of() : events) {
                String text = e.text();
                if (e.kind() == osbox.api.trace.TraceKind.NOTE && e.cycle() >= t0 && text != null
                        && text.startsWith(VM_EJECTED) && text.contains(" ejected: ")) {
                    int at = text.indexOf(" ejected: ");
                    ejections.add(new RunReport.Ejection(e.cycle() - t0,
                            text.substring(VM_EJECTED.length(), at) + VM_SUFFIX,
                            text.substring(at + " ejected: ".length())));
                }
            }
            ejections.sort(java.util.Comparator.comparingLong(RunReport.Ejection::at));
            List<RunReport.DeadlockMark> deadlocks = new ArrayList<>();
            for (TraceEvent e : events) {
                if (e.kind() == osbox.api.trace.TraceKind.DEADLOCK && e.cycle() >= t0) {
                    deadlocks.add(new RunReport.DeadlockMark(e.cycle() - t0, e.pid(), e.text()));
                }
            }
            List<RunReport.BoostMark> boosts = new ArrayList<>();
            TreeMap<Integer, Integer> raised = new TreeMap<>();
            for (TraceEvent e : events) {
                if (e.kind() == osbox.api.trace.TraceKind.PRIORITY_BOOST && e.cycle() >= t0) {
                    RunReport.BoostMark b = new RunReport.BoostMark(e.cycle() - t0, e.hart(), e.pid(), (int) e.a(),
                            (int) e.b(), e.text());
                    boosts.add(b);
                    if (b.raised()) {
                        raised.merge(b.tid(), 1, Integer::sum);
                    }
                }
            }
            List<RunReport.BlockMark> blocks = new ArrayList<>();
            for (TraceEvent e : events) {
                RunReport.BlockMark b = e.cycle() >= t0 && blocks.size() < RunReport.MAX_BLOCK_MARKS
                        ? RunReport.BlockMark.of(e, t0) : null;
                if (b != null) {
                    blocks.add(b);
                }
            }
            List<RunReport.ThreadResult> rows = new ArrayList<>();
            for (RunReport.ThreadResult t : threads) {
                rows.add(t.withBoosts(raised.getOrDefault(t.tid(), 0)));
            }
            rows.sort(java.util.Comparator.comparingInt(RunReport.ThreadResult::tid));
            long busy = (busyAtEnd >= 0 ? busyAtEnd : machine.statistics().busyCycles()) - busy0;
            return new RunReport(w.name(), w.file() == null ? "" : w.file().toString(), policy, sc.active(),
                    machine.frequencyHz(), machine.hartCount(), t0, end, busy, List.of(results),
                    swaps, ejections, slices.slices(), slices.syscalls(), slices.syscallsDropped(), complete,
                    slices.firstCycle(), others, slices.memory(), deadlocks, rows, boosts, blocks, DiskReport.NONE);
        }
    }
}
