package osbox.kernel.core.proc;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.HartContext;
import osbox.api.hw.Machine;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.WaitStatus;
import osbox.api.memory.AddressSpace;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.kernel.core.sched.Dispatcher;
import osbox.kernel.core.sched.KernelWaitQueue;

/**
 * Signals as Linux riscv64 handles them: generation (kill's targets, the
 * kernel's own signals, faults), the default actions (terminate, stop,
 * continue, ignore), delivery to handlers at the return to user mode
 * ({@link #returnToUser}: an rt_sigframe on the user stack or the
 * alternate stack, the handler called with ra on the sigreturn
 * trampoline), rt_sigreturn, the interruption of sleeping calls (EINTR or
 * SA_RESTART), SIGCHLD and job control. The per-process data is
 * {@link SignalState}. Simulation thread only.
 */
public final class SignalDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(SignalDelivery.class);

    /**
     * Where the sigreturn trampoline ({@code li a7, 139; ecall}) is mapped,
     * read and execute only, the first time a process of an image has a
     * handler called: the page below the stack's guard gap (osbox has no
     * vDSO; Linux's ra is the vDSO's __vdso_rt_sigreturn).
     */
    public static final long TRAMPOLINE = AddressSpace.STACK_TOP - AddressSpace.STACK_LIMIT - 2 * AddressSpace.PAGE;
    private static final byte[] TRAMPOLINE_CODE = {(byte) 0x93, 0x08, (byte) 0xb0, 0x08, 0x73, 0, 0, 0};
    /** The user half of Sv39 (frames must lie below it). */
    private static final long USER_TOP = 0x40_0000_0000L;
    /** System calls never restarted after a handler ran (Linux's ERESTARTNOHAND and restart blocks). */
    private static final int NANOSLEEP = 101, CLOCK_NANOSLEEP = 115, RT_SIGSUSPEND = 133, RT_SIGTIMEDWAIT = 137,
            PSELECT6 = 72, PPOLL = 73, EPOLL_PWAIT = 22;
    /** System V IPC's blocking calls, never restarted either (man 7 signal). */
    private static final int MSGRCV = 188, MSGSND = 189, SEMTIMEDOP = 192, SEMOP = 193;

    private final ProcessTable table;
    private final ExitWait exits;
    private final Dispatcher<Process> dispatcher;
    private final Tracer tracer;
    private final IntervalTimers timers;
    private SignalObserver observer = SignalObserver.NONE;
    private long killed;
    private long delivered;

    /** Signals of the processes of {@code table}, which {@code exits} ends and {@code dispatcher} runs. */
    public SignalDelivery(ProcessTable table, ExitWait exits, Dispatcher<Process> dispatcher, Machine machine) {
        this.table = table;
        this.exits = exits;
        this.dispatcher = dispatcher;
        this.tracer = machine.tracer();
        this.timers = new IntervalTimers(machine.events(), machine.frequencyHz(), dispatcher::now, this);
        exits.setParentNotice(this::childExited);
    }

    /** The interval timers (setitimer, getitimer, alarm). */
    public IntervalTimers timers() {
        return timers;
    }

    /** Tells {@code o} of every delivery to a handler (the strace helper); NONE for no one. */
    public void setObserver(SignalObserver o) {
        observer = o == null ? SignalObserver.NONE : o;
    }

    // ---- generation ----

    /**
     * kill: sends signal sig to process pid from {@code sender} (si_code
     * SI_USER). sig 0 only checks the target exists. pid is an int: &gt; 0
     * that process; 0 every process in the sender's process group; -1
     * every process but 1 and the sender; &lt; -1 every process in group
     * -pid. Returns 0 or a negative errno (ESRCH, EINVAL). The sender may
     * be among the killed: the caller checks its state afterwards.
     */
    public long send(Process sender, long pid, long sig) {
        return send(sender, pid, sig, SigInfo.SI_USER);
    }

    /** kill, tkill and tgkill: as {@link #send(Process, long, long)} with si_code {@code code}. */
    public long send(Process sender, long pid, long sig, int code) {
        if (sig < 0 || sig > 64) {
            return -Errno.EINVAL;
        }
        return deliver(sender, targets(sender, (int) pid), sig, code);
    }

    /**
     * A signal a subsystem queues for process pid with its own siginfo
     * (a message queue's notification): delivered as send's are, but to
     * that process only. Returns 0 or a negative errno (ESRCH, EINVAL).
     */
    public long queue(int pid, SigInfo info) {
        Process t = table.get(pid);
        if (info.signo() < 1 || info.signo() > 64) {
            return -Errno.EINVAL;
        }
        if (t == null || t.state() == ProcessState.ZOMBIE) {
            return -Errno.ESRCH;
        }
        post(t, info, Signals.name(info.signo()) + " queued by the kernel");
        return 0;
    }

    /**
     * tkill (tgid 0) and tgkill: sends sig to thread tid, which must be of
     * process tgid when tgid is not 0 (si_code SI_TKILL, the sender's pid).
     * sig 0 only checks the thread exists. Returns 0, -ESRCH (no such
     * thread, or not in tgid) or -EINVAL (sig out of range).
     */
    public long sendToThread(Process sender, int tgid, int tid, long sig) {
        Process t = table.get(tid);
        if (t == null || t.state() == ProcessState.ZOMBIE || (tgid != 0 && t.pid() != tgid)) {
            return sig < 0 || sig > 64 ? -Errno.EINVAL : -Errno.ESRCH;
        }
        if (sig < 0 || sig > 64) {
            return -Errno.EINVAL;
        }
        if (sig != 0) {
            postThread(t, SigInfo.user((int) sig, SigInfo.SI_TKILL, sender.pid()), "sent by pid " + sender.pid());
        }
        return 0;
    }

    /**
     * killpg from the kernel itself (the terminal's ^C, ^Z, SIGWINCH, its
     * job control): sends sig to every process in group pgid (&gt; 0) as
     * send does. Returns 0 or a negative errno (ESRCH, EINVAL).
     */
    public long sendToGroup(int pgid, long sig) {
        if (sig < 0 || sig > 64 || pgid <= 0) {
            return -Errno.EINVAL;
        }
        List<Process> targets = new ArrayList<>();
        for (Process t : table.processes()) {
            if (t.pgid() == pgid) {
                targets.add(t);
            }
        }
        return deliver(null, targets, sig, SigInfo.SI_KERNEL);
    }

    // Delivers sig to targets from sender (null: the kernel); ESRCH when there are none, sig 0 only checks.
    private long deliver(Process sender, List<Process> targets, long sig, int code) {
        if (targets.isEmpty()) {
            return -Errno.ESRCH;
        }
        if (sig == 0) {
            return 0;
        }
        for (Process t : targets) {
            if (sender == null) {
                post(t, SigInfo.kernel((int) sig), "sent by the terminal");
            } else {
                post(t, SigInfo.user((int) sig, code, sender.pid()), "sent by pid " + sender.pid());
            }
        }
        return 0;
    }

    // kill(2)'s targets for pid, the sender last (so the others are signalled before it may end).
    private List<Process> targets(Process sender, int pid) {
        List<Process> targets = new ArrayList<>();
        if (pid > 0) {
            Process t = table.get(pid);
            if (t != null) {
                targets.add(t);
            }
        } else if (pid == -1) {
            for (Process t : table.processes()) {
                if (t.pid() != 1 && t.group() != sender.group()) {
                    targets.add(t);
                }
            }
        } else if (pid != Integer.MIN_VALUE) {
            int group = pid == 0 ? sender.pgid() : -pid;
            boolean self = false;
            for (Process t : table.processes()) {
                if (t.pgid() == group) {
                    if (t.group() == sender.group()) {
                        self = true;
                    } else {
                        targets.add(t);
                    }
                }
            }
            if (self) {
                targets.add(sender);
            }
        }
        return targets;
    }

    /**
     * Generates signal {@code info.signo()} for t (Linux's
     * prepare_signal and __send_signal): SIGCONT continues a stopped t
     * and drops pending stops, a stop signal drops a pending SIGCONT;
     * SIGKILL, and an unblocked signal whose action is the default
     * terminate or stop, act at once ({@code why} goes in the kill
     * report); an ignored unblocked signal is dropped; anything else is
     * queued, and if t sleeps in a system call that the signal should cut
     * short, t is woken (the call answers EINTR or runs again when the
     * handler is set up). A zombie gets nothing. A signal every thread
     * blocks waits in the process's pending set, for the first thread that
     * unblocks it.
     */
    public void post(Process t, SigInfo info, String why) {
        Process target = threadFor(t.group(), info.signo());
        if (target != null) {
            generate(target, info, why, true);
        }
    }

    /**
     * tkill, tgkill: generates info's signal for thread t itself (its mask
     * decides, it alone is woken), as {@link #post} does for a process.
     * Stops, continues and fatal default actions still act on the whole
     * process. A thread that ended gets nothing.
     */
    public void postThread(Process t, SigInfo info, String why) {
        generate(t, info, why, false);
    }

    // post and postThread: info's signal for thread t; toProcess: sent to t's process (queued on the
    // process when t, chosen by threadFor, blocks it: then every thread does).
    private void generate(Process t, SigInfo info, String why, boolean toProcess) {
        if (t.state() == ProcessState.ZOMBIE) {
            return;
        }
        int sig = info.signo();
        SignalState s = t.signals();
        if (sig == Signals.SIGKILL) {
            announce(t, info);
            kill(t, sig, why, 0);
            return;
        }
        if (sig == Signals.SIGCONT) {
            for (Process thread : t.group().liveThreads()) {
                thread.signals().discard(SignalDefaults.STOP_SET);
            }
            continueProcess(t);
        } else if (SignalDefaults.stops(sig)) {
            for (Process thread : t.group().liveThreads()) {
                thread.signals().discard(SignalState.bit(Signals.SIGCONT));
            }
        }
        long handler = s.handler(sig);
        boolean blocked = (s.blocked() & SignalState.bit(sig)) != 0;
        if ((s.waitSet & SignalState.bit(sig)) != 0 && t.state() == ProcessState.BLOCKED && !s.shared.stopped) {
            s.enqueue(info);
            dispatcher.wake(t);     // rt_sigtimedwait takes it when its call runs again
            return;
        }
        if (!blocked) {
            if (handler == SignalState.SIG_IGN) {
                return;
            }
            if (handler == SignalState.SIG_DFL) {
                switch (SignalDefaults.action(sig)) {
                    case IGNORE:
                    case CONTINUE:
                        return;
                    case STOP:
                        if (!s.shared.stopped) {
                            stop(t, sig);
                        }
                        return;
                    default:
                        announce(t, info);
                        kill(t, sig, why, info.addr());
                        return;
                }
            }
        }
        if (toProcess && blocked) {
            s.enqueueShared(info);
        } else {
            s.enqueue(info);
        }
        if (s.shared.stopped || t.state() != ProcessState.BLOCKED) {
            return;
        }
        if (!blocked) {
            interrupt(t);
        }
    }

    /**
     * The thread of process g a process-directed signal sig goes to (Linux's
     * complete_signal): the leader if it does not block sig, else the
     * oldest thread that does not, else one waiting for it in
     * rt_sigtimedwait, else the leader (or the oldest live thread); null
     * when every thread has ended. A signal the chosen thread blocks (so
     * every thread does) waits in the process's pending set.
     */
    Process threadFor(ThreadGroup g, int sig) {
        List<Process> live = g.liveThreads();
        if (live.isEmpty()) {
            return null;
        }
        long bit = SignalState.bit(sig);
        for (Process t : live) {
            if ((t.signals().blocked() & bit) == 0) {
                return t;
            }
        }
        for (Process t : live) {
            if ((t.signals().waitSet & bit) != 0) {
                return t;
            }
        }
        return live.get(0);
    }

    // A handled signal arrived for t, BLOCKED in a system call: it wakes, and the call is cut short at delivery.
    private void interrupt(Process t) {
        if (t.sched().sleepingOn() == null && !t.sched().sleepsUntilDeadline()) {
            return;
        }
        t.signals().interrupted = true;
        dispatcher.wake(t);
    }

    /**
     * A call of p slept (it answered RESTART): a handled signal already
     * deliverable (rt_sigsuspend's new mask unblocked it, or it came
     * while the call ran) cuts the sleep short at once, as Linux checks
     * signal_pending before it sleeps.
     */
    public void slept(Process p) {
        if (p.signals().deliverable() && p.state() == ProcessState.BLOCKED) {
            interrupt(p);
        }
    }

    /**
     * A fault's signal (Linux's force_sig_fault): delivered to the handler
     * if p has one and does not block the signal; otherwise p is killed by
     * it, with {@code why} in the report.
     */
    public void force(Process p, int sig, int code, long addr, String why) {
        SignalState s = p.signals();
        long h = s.handler(sig);
        if (h == SignalState.SIG_DFL || h == SignalState.SIG_IGN || (s.blocked() & SignalState.bit(sig)) != 0
                || s.isPending(sig)) {
            announce(p, SigInfo.fault(sig, code, addr));
            kill(p, sig, why, addr);
            return;
        }
        s.enqueue(SigInfo.fault(sig, code, addr));
    }

    /**
     * Kills p with signal sig, logging and tracing why (and the faulting
     * address, or 0). The wait status carries the core-dump flag for a
     * core-dumping signal only when p's RLIMIT_CORE soft limit would let
     * Linux write a core (at least a page); osbox writes none. The caller
     * checked p is not a zombie.
     */
    public void kill(Process p, int sig, String why, long addr) {
        String report = String.format("pid %d (%s) killed by %s: %s", p.pid(), p.name(), Signals.name(sig), why);
        // the launcher and shell show the report to the user; the log keeps it for --verbose
        LOG.info(report);
        killed++;
        tracer.record(TraceKind.PROCESS_KILL, p.sched().hart(), p.pid(), sig, addr, why);
        boolean core = SignalDefaults.action(sig) == SignalDefaults.Action.CORE
                && Long.compareUnsigned(p.limits().soft(ResourceLimits.RLIMIT_CORE), AddressSpace.PAGE) >= 0;
        exits.terminate(p, WaitStatus.signaled(sig, core), report);
    }

    // Tells strace (if p is traced) that info's signal is delivered to p: to a handler or to its death.
    private static void announce(Process p, SigInfo info) {
        StraceHooks.signalDelivered(p, info);
    }

    // ---- job control ----

    // Stops t (a stop signal's default action): off the CPU until SIGCONT; the parent hears of it.
    private void stop(Process t, int sig) {
        SignalState s = t.signals();
        s.shared.stopped = true;
        s.shared.stopReport = sig;
        s.shared.continuedReport = false;
        tracer.record(TraceKind.NOTE, t.sched().hart(), t.pid(), sig, 0, "stopped by " + Signals.name(sig));
        for (Process thread : t.group().liveThreads()) {
            int nr = (int) thread.context().x[HartContext.A7];
            if (thread.sched().sleepsUntilDeadline() && thread.sched().sleepingOn() == null
                    && (nr == NANOSLEEP || nr == CLOCK_NANOSLEEP)) {
                // restart_syscall continues it after SIGCONT; rem has the time left now, as Linux's do_nanosleep
                thread.signals().restartDeadline = thread.sched().sleepDeadline();
                writeRemaining(thread, nr);
            }
            dispatcher.stop(thread);
        }
        notifyParent(t, SigInfo.CLD_STOPPED, sig);
    }

    // SIGCONT: a stopped t runs again; the parent hears of it.
    private void continueProcess(Process t) {
        SignalState s = t.signals();
        if (!s.shared.stopped) {
            return;
        }
        s.shared.stopped = false;
        s.shared.stopReport = 0;
        s.shared.continuedReport = true;
        for (Process thread : t.group().liveThreads()) {
            dispatcher.resume(thread);
        }
        notifyParent(t, SigInfo.CLD_CONTINUED, Signals.SIGCONT);
    }

    // do_notify_parent_cldstop: SIGCHLD unless the parent set SA_NOCLDSTOP; a parent in wait4 wakes.
    private void notifyParent(Process child, int code, int status) {
        Process parent = child.ppid() == 0 ? null : table.get(child.ppid());
        if (parent == null || parent.state() == ProcessState.ZOMBIE) {
            return;
        }
        exits.wakeParent(parent);     // first: wait4 reports the child before a SIGCHLD handler runs
        if ((parent.signals().flags(Signals.SIGCHLD) & SignalState.SA_NOCLDSTOP) == 0) {
            post(parent, new SigInfo(Signals.SIGCHLD, code, child.pid(), 0, status, 0), "child stopped");
        }
    }

    // do_notify_parent: SIGCHLD for a child that ended, unless ignored; true when the child is reaped at once
    // (SIGCHLD set to SIG_IGN, or SA_NOCLDWAIT).
    private boolean childExited(Process parent, Process child, int status) {
        SignalState ps = parent.signals();
        long h = ps.handler(Signals.SIGCHLD);
        boolean autoReap = h == SignalState.SIG_IGN || (ps.flags(Signals.SIGCHLD) & SignalState.SA_NOCLDWAIT) != 0;
        if (h != SignalState.SIG_IGN && parent.state() != ProcessState.ZOMBIE) {
            int code = WaitStatus.isSignaled(status) ? (status & 0x80) != 0 ? SigInfo.CLD_DUMPED : SigInfo.CLD_KILLED
                    : SigInfo.CLD_EXITED;
            int value = WaitStatus.isSignaled(status) ? WaitStatus.termSignal(status) : WaitStatus.exitCode(status);
            post(parent, new SigInfo(Signals.SIGCHLD, code, child.pid(), 0, value, 0), "child exited");
        }
        timers.cancelAll(child);
        return autoReap;
    }

    // ---- delivery ----

    /**
     * The return to user mode of p (after a trap, or when the dispatcher
     * puts p on a hart): delivers its deliverable signals, lowest number
     * first with the synchronous faults before all others, each to its
     * handler (a frame on the stack; later ones stack above earlier ones,
     * so the last one set up runs first, as on Linux) or its default
     * action. Nothing is done while a call p slept in must run again first
     * (it was woken, not interrupted). One field test when nothing is
     * pending.
     */
    public void returnToUser(Process p) {
        SignalState s = p.signals();
        if (!s.deliverable() || (p.sched().woken() && !s.interrupted)) {
            return;
        }
        for (int n = 0; n < 64 && s.deliverable() && p.state() == ProcessState.RUNNING; n++) {
            long ready = s.pending() & ~s.blocked();
            long sync = ready & SignalDefaults.SYNCHRONOUS;
            int sig = Long.numberOfTrailingZeros(sync != 0 ? sync : ready) + 1;
            SigInfo info = s.dequeue(sig);
            long h = s.handler(sig);
            if (h == SignalState.SIG_IGN) {
                continue;
            }
            if (h == SignalState.SIG_DFL) {
                SignalDefaults.Action a = SignalDefaults.action(sig);
                if (a == SignalDefaults.Action.STOP) {
                    stop(p, sig);
                    return;
                }
                if (a == SignalDefaults.Action.TERMINATE || a == SignalDefaults.Action.CORE) {
                    announce(p, info);
                    kill(p, sig, "delivered once unblocked", info.addr());
                    return;
                }
                continue;
            }
            if (!handle(p, sig, info)) {
                if (p.state() == ProcessState.ZOMBIE) {
                    return;     // the OOM killer chose it while the frame was written
                }
                kill(p, Signals.SIGSEGV, "no room for the " + Signals.name(sig) + " frame below sp=0x"
                        + Long.toHexString(p.context().x[HartContext.SP]), 0);
                return;
            }
        }
        // a call cut short by a signal no handler took (ignored once dequeued) simply runs again
        s.interrupted = false;
    }

    /**
     * Sets up the handler of sig for p (Linux's handle_signal and
     * setup_rt_frame): a call the signal cut short answers -EINTR, or runs
     * again after the handler under SA_RESTART (never for the sleeps and
     * waits Linux does not restart; nanosleep writes rem); the frame goes
     * below sp, or at the top of the alternate stack under SA_ONSTACK;
     * a0 = sig, a1 = &amp;siginfo, a2 = &amp;ucontext, ra = the trampoline,
     * sp = the frame, pc = the handler; the mask gains sa_mask and sig
     * (unless SA_NODEFER); SA_RESETHAND restores SIG_DFL. False when the
     * frame cannot be written (p is to die of SIGSEGV).
     */
    private boolean handle(Process p, int sig, SigInfo info) {
        SignalState s = p.signals();
        HartContext ctx = p.context();
        long flags = s.flags(sig);
        long handler = s.handler(sig);
        if (s.interrupted || s.restartDeadline != 0) {
            // a sleep cut by a stop (rem written then) and now by a handler answers EINTR (ERESTART_RESTARTBLOCK)
            boolean stoppedSleep = s.restartDeadline != 0;
            s.interrupted = false;
            s.restartDeadline = 0;
            p.sched().restartServed();
            int nr = (int) ctx.x[HartContext.A7];
            if (!restartable(nr) || (flags & SignalState.SA_RESTART) == 0) {
                if ((nr == NANOSLEEP || nr == CLOCK_NANOSLEEP) && !stoppedSleep) {
                    writeRemaining(p, nr);
                }
                ctx.x[HartContext.A0] = -Errno.EINTR;
                ctx.pc += 4;
            }
            s.waitSet = 0;
        }
        long mask = s.restoreSavedMask ? s.savedMask : s.blocked();
        s.restoreSavedMask = false;
        long sp = ctx.x[HartContext.SP];
        long top = sp;
        if (s.onAltStack(sp) && !s.onAltStack(sp - SignalFrame.SIZE)) {
            return false;   // the alternate stack would overflow (Linux answers an always-bad address)
        }
        if ((flags & SignalState.SA_ONSTACK) != 0 && s.altSize != 0 && !s.onAltStack(sp)) {
            top = s.altSp + s.altSize;
        }
        long frame = (top - SignalFrame.SIZE) & ~0xfL;
        if (Long.compareUnsigned(frame, USER_TOP - SignalFrame.SIZE) > 0 || !mapTrampoline(p)) {
            return false;
        }
        byte[] bytes = SignalFrame.build(info, ctx, s.altSp, s.altStackFlags(sp), s.altSize, mask);
        if (!p.userMemory().write(frame, bytes, 0, bytes.length) || p.state() == ProcessState.ZOMBIE) {
            return false;
        }
        ctx.x[HartContext.RA] = TRAMPOLINE;
        ctx.x[HartContext.SP] = frame;
        ctx.x[HartContext.A0] = sig;
        ctx.x[HartContext.A1] = frame + SignalFrame.INFO;
        ctx.x[HartContext.A2] = frame + SignalFrame.UCONTEXT;
        ctx.pc = handler;
        s.setBlocked(s.blocked() | s.actionMask(sig)
                | ((flags & SignalState.SA_NODEFER) != 0 ? 0 : SignalState.bit(sig)));
        if ((flags & SignalState.SA_RESETHAND) != 0) {
            s.setAction(sig, SignalState.SIG_DFL, flags, s.actionMask(sig));
        }
        delivered++;
        tracer.record(TraceKind.SIGNAL_DELIVER, p.sched().hart(), p.pid(), sig, handler, Signals.name(sig));
        observer.delivered(p, sig, info.code(), info.addr());
        announce(p, info);
        return true;
    }

    // Whether call nr runs again after a handler with SA_RESTART (Linux's -ERESTARTSYS), not -EINTR at once.
    private static boolean restartable(int nr) {
        return nr != NANOSLEEP && nr != CLOCK_NANOSLEEP && nr != RT_SIGSUSPEND && nr != RT_SIGTIMEDWAIT
                && nr != PSELECT6 && nr != PPOLL && nr != EPOLL_PWAIT
                && nr != MSGRCV && nr != MSGSND && nr != SEMTIMEDOP && nr != SEMOP;
    }

    // nanosleep (rem in a1) and relative clock_nanosleep (rem in a3) cut short: the time left, if rem is given.
    private void writeRemaining(Process p, int nr) {
        HartContext ctx = p.context();
        if (nr == CLOCK_NANOSLEEP && (ctx.x[HartContext.A1] & 1) != 0) {
            return;     // TIMER_ABSTIME: no rem
        }
        long rem = ctx.x[nr == NANOSLEEP ? HartContext.A1 : HartContext.A3];
        if (rem == 0) {
            return;
        }
        long left = Math.max(0, p.sched().sleepDeadline() - dispatcher.now());
        long ns = timers.cyclesToNanos(left);
        p.userMemory().writeLong(rem, ns / 1_000_000_000L);
        p.userMemory().writeLong(rem + 8, ns % 1_000_000_000L);
    }

    // The trampoline page of p's image, mapped on its first handler.
    private static boolean mapTrampoline(Process p) {
        SignalState s = p.signals();
        if (s.shared.trampolineMapped) {
            return true;
        }
        try {
            p.space().loadSegment(TRAMPOLINE, TRAMPOLINE_CODE, 0, TRAMPOLINE_CODE.length, AddressSpace.PAGE,
                    AddressSpace.PROT_READ | AddressSpace.PROT_EXEC);
        } catch (IllegalStateException e) {
            return false;       // the program mapped something there itself
        }
        s.shared.trampolineMapped = true;
        return true;
    }

    /**
     * rt_sigreturn: restores the registers, FP state, mask and alternate
     * stack from the frame at sp. An unreadable frame, or one whose
     * reserved word or END header is wrong, is Linux's badframe: SIGSEGV is
     * forced on p (killing it unless it handles SIGSEGV). Returns whether
     * the frame was good.
     */
    public boolean sigreturn(Process p) {
        HartContext ctx = p.context();
        long frame = ctx.x[HartContext.SP];
        byte[] b = new byte[SignalFrame.SIZE];
        SignalState s = p.signals();
        boolean readable = Long.compareUnsigned(frame, USER_TOP - SignalFrame.SIZE) <= 0
                && p.userMemory().read(frame, b, 0, b.length);
        if (p.state() == ProcessState.ZOMBIE) {
            return false;
        }
        if (readable) {
            s.setBlocked(SignalFrame.mask(b));
        }
        if (!readable || !SignalFrame.restore(b, ctx)) {
            ctx.x[HartContext.A0] = 0;
            ctx.pc += 4;
            force(p, Signals.SIGSEGV, SigInfo.SI_KERNEL, 0, String.format("bad signal frame at sp=0x%x", frame));
            return false;
        }
        long[] st = SignalFrame.stack(b);
        altStack(p, st[0], (int) st[1], st[2], ctx.x[HartContext.SP]);   // errors other than EFAULT are ignored
        return true;
    }

    /**
     * sigaltstack's change (Linux's do_sigaltstack) at stack pointer sp:
     * -EPERM while on the alternate stack, -EINVAL for a mode other than
     * 0, SS_ONSTACK or SS_DISABLE (SS_AUTODISARM is accepted and kept),
     * -ENOMEM below MINSIGSTKSZ (2048); SS_DISABLE clears it.
     */
    public long altStack(Process p, long ssp, int sflags, long size, long sp) {
        SignalState s = p.signals();
        if (s.onAltStack(sp)) {
            return -Errno.EPERM;
        }
        int mode = sflags & ~0x8000_0000;
        if (mode != SignalState.SS_DISABLE && mode != SignalState.SS_ONSTACK && mode != 0) {
            return -Errno.EINVAL;
        }
        if (mode == SignalState.SS_DISABLE) {
            ssp = 0;
            size = 0;
        } else if (Long.compareUnsigned(size, 2048) < 0) {
            return -Errno.ENOMEM;
        }
        s.altSp = ssp;
        s.altSize = size;
        s.altFlags = sflags;
        return 0;
    }

    /**
     * The queue p sleeps on while it waits for a signal (rt_sigsuspend,
     * rt_sigtimedwait), made on first use.
     */
    public KernelWaitQueue<Process> signalWait(Process p) {
        SignalState s = p.signals();
        if (s.signalWait == null) {
            s.signalWait = dispatcher.newWaitQueue("signals of pid " + p.pid());
        }
        return s.signalWait;
    }

    /** Processes killed by a signal since boot. */
    public long killed() {
        return killed;
    }

    /** Signals delivered to handlers since boot. */
    public long delivered() {
        return delivered;
    }
}
