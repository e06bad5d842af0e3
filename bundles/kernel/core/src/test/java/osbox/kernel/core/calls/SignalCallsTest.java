package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import osbox.api.hw.HartContext;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.Syscalls;
import osbox.api.trace.TraceKind;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.SignalDelivery;
import osbox.kernel.core.proc.SignalFrame;
import osbox.kernel.core.proc.SignalState;

/**
 * Signals with handlers through the kernel's trap path on a bench: the
 * rt_sigframe a handler gets (what qemu's program cannot see byte for
 * byte: every register, the FP state, sa_mask in the handler's mask),
 * rt_sigreturn, a bad frame, EINTR and SA_RESTART decisions, stop and
 * continue, the core flag, what fork and execve keep.
 */
class SignalCallsTest {
    static final long SA_SIGINFO = 4, SA_RESTART = 0x1000_0000L, SA_NOCLDSTOP = 1;
    static final long HANDLER = KernelBench.TEXT + 0x20;
    private final KernelBench k = new KernelBench();

    private static long bit(int sig) {
        return 1L << (sig - 1);
    }

    // rt_sigaction(sig, {handler, flags, mask}, NULL, 8) through a scratch page of p.
    private void action(Process p, int sig, long handler, long flags, long mask) {
        long buf = k.map(p, 1);
        p.userMemory().writeLong(buf, handler);
        p.userMemory().writeLong(buf + 8, flags);
        p.userMemory().writeLong(buf + 16, mask);
        assertEquals(0, k.call(p, Syscalls.RT_SIGACTION, sig, buf, 0, 8));
    }

    private Process fork(Process parent) {
        long pid = k.call(parent, Syscalls.CLONE, Signals.SIGCHLD, 0, 0, 0, 0);
        assertTrue(pid > 0, "fork answered " + pid);
        return k.process(pid);
    }

    private long longAt(Process p, long va) {
        return ByteBuffer.wrap(k.bytes(p, va, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void aHandlerGetsLinuxsRtSigframeAndRtSigreturnRestoresEverything() throws Exception {
        Process p = k.spawn("p");
        action(p, Signals.SIGUSR1, HANDLER, SA_SIGINFO, bit(Signals.SIGALRM));
        HartContext ctx = p.context();
        ctx.x[5] = 0x5555;
        ctx.f[3] = 0x4009_21fb_5444_2d18L;
        ctx.fcsr = 0x45;
        long sp = ctx.x[HartContext.SP];
        long ecall = ctx.pc;
        KernelBench.Answer a = k.ecall(p, Syscalls.KILL, p.pid(), Signals.SIGUSR1);
        assertFalse(a.returned(), "the process returns to user mode in the handler");
        long frame = ctx.x[HartContext.SP];
        assertEquals(HANDLER, ctx.pc);
        assertEquals(Signals.SIGUSR1, ctx.x[HartContext.A0]);
        assertEquals(frame, ctx.x[HartContext.A1], "a1: the siginfo at the frame's start");
        assertEquals(frame + 128, ctx.x[HartContext.A2], "a2: the ucontext after the 128-byte siginfo");
        assertEquals(SignalDelivery.TRAMPOLINE, ctx.x[HartContext.RA]);
        assertEquals(0, frame & 0xf, "16-byte aligned");
        assertTrue(sp - frame >= SignalFrame.SIZE && sp - frame < SignalFrame.SIZE + 16);
        assertEquals(Signals.SIGUSR1, k.intAt(p, frame), "si_signo");
        assertEquals(0, k.intAt(p, frame + 8), "si_code SI_USER");
        assertEquals(p.pid(), k.intAt(p, frame + 16), "si_pid");
        assertEquals(0, longAt(p, frame + 128 + 40), "uc_sigmask: the mask before");
        assertEquals(SignalState.SS_DISABLE, k.intAt(p, frame + 128 + 24), "uc_stack.ss_flags: no alternate stack");
        long mc = frame + 128 + 176;
        assertEquals(ecall + 4, longAt(p, mc), "sc_regs.pc: past the ecall");
        assertEquals(0, longAt(p, mc + 8 * 10), "sc_regs.a0: kill's answer");
        assertEquals(0x5555, longAt(p, mc + 8 * 5));
        assertEquals(sp, longAt(p, mc + 8 * 2), "sc_regs.sp");
        assertEquals(0x4009_21fb_5444_2d18L, longAt(p, mc + 256 + 8 * 3), "f3");
        assertEquals(0x45, k.intAt(p, mc + 256 + 256), "fcsr");
        assertEquals(bit(Signals.SIGUSR1) | bit(Signals.SIGALRM), p.signals().blocked(), "the signal and sa_mask");
        assertArrayEquals(new byte[] {(byte) 0x93, 0x08, (byte) 0xb0, 0x08, 0x73, 0, 0, 0},
                k.bytes(p, SignalDelivery.TRAMPOLINE, 8), "li a7, 139; ecall");
        assertTrue(k.machine.tracer().events(TraceKind.SIGNAL_DELIVER).stream().anyMatch(e -> e.kind() == TraceKind.SIGNAL_DELIVER
                && e.pid() == p.pid() && e.a() == Signals.SIGUSR1 && e.b() == HANDLER));
        // the handler changes registers, then returns through the trampoline
        ctx.x[5] = 1;
        ctx.f[3] = 0;
        ctx.fcsr = 0;
        KernelBench.Answer r = k.ecall(p, 139);
        assertFalse(r.returned(), "rt_sigreturn goes back where the signal came, not past its own ecall");
        assertEquals(ecall + 4, ctx.pc);
        assertEquals(sp, ctx.x[HartContext.SP]);
        assertEquals(0x5555, ctx.x[5]);
        assertEquals(0, ctx.x[HartContext.A0]);
        assertEquals(0x4009_21fb_5444_2d18L, ctx.f[3]);
        assertEquals(0x45, ctx.fcsr);
        assertEquals(0, p.signals().blocked());
    }

    @Test
    void aMalformedFrameKillsOnlyItsCallerWithSigsegv() throws Exception {
        Process parent = k.spawn("parent");
        Process child = fork(parent);
        k.settle();
        child.context().x[HartContext.SP] = 16;
        k.ecall(child, 139);
        assertEquals(ProcessState.ZOMBIE, child.state());
        assertEquals(Signals.SIGSEGV, child.waitStatus(), "killed by SIGSEGV, no core flag");
        Process other = fork(parent);
        k.settle();
        long junk = k.map(other, 1);
        other.userMemory().write(junk, new byte[4096], 0, 4096);
        other.userMemory().writeInt(junk + SignalFrame.SC_RESERVED, 1);
        other.context().x[HartContext.SP] = junk;
        k.ecall(other, 139);
        assertEquals(Signals.SIGSEGV, other.waitStatus(), "a reserved word that is not 0: Linux's badframe");
        assertEquals(ProcessState.RUNNING, parent.state());
    }

    @Test
    void aSleepCutShortAnswersEintrWithRemOrRunsAgainUnderSaRestart() throws Exception {
        Process p = k.spawn("p");
        Process sender = k.spawn("sender");
        action(p, Signals.SIGUSR1, HANDLER, 0, 0);
        long ts = k.map(p, 1);
        p.userMemory().writeLong(ts, 5);
        p.userMemory().writeLong(ts + 8, 0);
        long nanosleepAt = p.context().pc;
        k.sleeps(p, Syscalls.NANOSLEEP, ts, ts + 16);
        assertEquals(0, k.call(sender, Syscalls.KILL, p.pid(), Signals.SIGUSR1));
        k.settle();
        assertEquals(HANDLER, p.context().pc, "woken into the handler");
        long mc = p.context().x[HartContext.SP] + 128 + 176;
        assertEquals(-Errno.EINTR, longAt(p, mc + 8 * 10), "nanosleep answers EINTR");
        assertEquals(nanosleepAt + 4, longAt(p, mc));
        long rem = longAt(p, ts + 16);
        assertTrue(rem > 0 && rem <= 5, "rem: the time left, " + rem + " s");
        k.ecall(p, 139);
        assertEquals(nanosleepAt + 4, p.context().pc, "back past the nanosleep");

        // a pipe read under SA_RESTART: the saved pc is the ecall itself, so the read runs again
        action(p, Signals.SIGUSR2, HANDLER, SA_RESTART, 0);
        long fds = k.map(p, 1);
        assertEquals(0, k.call(p, Syscalls.PIPE2, fds, 0));
        long readAt = p.context().pc;
        k.sleeps(p, Syscalls.READ, k.intAt(p, fds), fds + 64, 1);
        k.call(sender, Syscalls.KILL, p.pid(), Signals.SIGUSR2);
        k.settle();
        mc = p.context().x[HartContext.SP] + 128 + 176;
        assertEquals(readAt, longAt(p, mc), "restarted: pc on the read's ecall");
        assertEquals(k.intAt(p, fds), longAt(p, mc + 8 * 10), "a0 still the descriptor");
    }

    @Test
    void stopAndContinueAsWaitAndSigchldReportThem() throws Exception {
        Process parent = k.spawn("parent");
        Process child = fork(parent);
        k.settle();
        long status = k.map(parent, 1);
        action(parent, Signals.SIGCHLD, HANDLER, SA_NOCLDSTOP, 0);
        assertEquals(0, k.call(parent, Syscalls.KILL, child.pid(), Signals.SIGSTOP));
        assertTrue(child.signals().stopped());
        assertEquals(ProcessState.BLOCKED, child.state(), "off the run queue");
        assertFalse(parent.signals().isPending(Signals.SIGCHLD), "SA_NOCLDSTOP: no SIGCHLD for a stop");
        assertEquals(child.pid(), k.call(parent, Syscalls.WAIT4, -1, status, Wait4Call.WUNTRACED, 0));
        assertEquals(0x137f, k.intAt(parent, status));
        assertEquals(0, k.call(parent, Syscalls.WAIT4, -1, status, Wait4Call.WUNTRACED | Wait4Call.WNOHANG, 0));
        k.ecall(parent, Syscalls.KILL, child.pid(), Signals.SIGTERM);
        assertEquals(ProcessState.ZOMBIE, child.state(), "SIGTERM's default kills even a stopped process");
        assertEquals(HANDLER, parent.context().pc, "SIGCHLD for the end: SA_NOCLDSTOP covers stops only");
        assertEquals(2, k.intAt(parent, parent.context().x[HartContext.A1] + 8), "si_code CLD_KILLED");
        assertEquals(Signals.SIGTERM, k.intAt(parent, parent.context().x[HartContext.A1] + 24), "si_status");
    }

    @Test
    void sigkillEndsAStoppedProcessAndSigcontResumesIt() throws Exception {
        Process parent = k.spawn("parent");
        Process child = fork(parent);
        k.settle();
        long status = k.map(parent, 1);
        k.call(parent, Syscalls.KILL, child.pid(), 20);     // SIGTSTP
        assertTrue(child.signals().stopped());
        k.call(parent, Syscalls.KILL, child.pid(), Signals.SIGCONT);
        k.settle();
        assertFalse(child.signals().stopped());
        assertTrue(child.state() == ProcessState.RUNNING || child.state() == ProcessState.READY);
        assertEquals(child.pid(), k.call(parent, Syscalls.WAIT4, -1, status, Wait4Call.WCONTINUED, 0));
        assertEquals(0xffff, k.intAt(parent, status));
        k.call(parent, Syscalls.KILL, child.pid(), Signals.SIGSTOP);
        k.call(parent, Syscalls.KILL, child.pid(), Signals.SIGKILL);
        assertEquals(ProcessState.ZOMBIE, child.state());
        assertEquals(Signals.SIGKILL, child.waitStatus());
    }

    @Test
    void theCoreFlagFollowsRlimitCore() throws Exception {
        Process parent = k.spawn("parent");
        Process a = fork(parent);
        k.call(parent, Syscalls.KILL, a.pid(), Signals.SIGQUIT);
        assertEquals(Signals.SIGQUIT, a.waitStatus(), "RLIMIT_CORE 0 by default: no core, no flag");
        long lim = k.map(parent, 1);
        parent.userMemory().writeLong(lim, 1 << 20);
        parent.userMemory().writeLong(lim + 8, -1);
        assertEquals(0, k.call(parent, Syscalls.SETRLIMIT, 4, lim));
        Process b = fork(parent);
        k.call(parent, Syscalls.KILL, b.pid(), Signals.SIGQUIT);
        assertEquals(0x80 | Signals.SIGQUIT, b.waitStatus(), "a core Linux would write: the flag");
        Process c = fork(parent);
        k.call(parent, Syscalls.KILL, c.pid(), Signals.SIGTERM);
        assertEquals(Signals.SIGTERM, c.waitStatus(), "SIGTERM never dumps core");
    }

    @Test
    void ignoringDropsPendingSignalsAndDefaultIgnoredOnesNeverQueue() throws Exception {
        Process p = k.spawn("p");
        action(p, Signals.SIGUSR1, HANDLER, 0, 0);
        long set = k.map(p, 1);
        p.userMemory().writeLong(set, bit(Signals.SIGUSR1) | bit(Signals.SIGCHLD));
        assertEquals(0, k.call(p, Syscalls.RT_SIGPROCMASK, 0, set, 0, 8));
        k.call(p, Syscalls.KILL, p.pid(), Signals.SIGUSR1);
        assertTrue(p.signals().isPending(Signals.SIGUSR1));
        action(p, Signals.SIGUSR1, SignalState.SIG_IGN, 0, 0);
        assertFalse(p.signals().isPending(Signals.SIGUSR1), "SIG_IGN discards it");
        k.call(p, Syscalls.KILL, p.pid(), Signals.SIGCHLD);
        assertTrue(p.signals().isPending(Signals.SIGCHLD), "blocked: kept even though its default is to ignore");
        p.userMemory().writeLong(set, 0);
        assertEquals(0, k.call(p, Syscalls.RT_SIGPROCMASK, 2, set, 0, 8), "unblocked: dropped on delivery");
        assertFalse(p.signals().isPending(Signals.SIGCHLD));
        assertEquals(ProcessState.RUNNING, p.state());
    }

    @Test
    void forkCopiesDispositionsMaskAndAltstackAndExecResetsHandlersOnly() throws Exception {
        SignalState s = new SignalState();
        s.setAction(Signals.SIGUSR1, HANDLER, SA_RESTART, bit(Signals.SIGALRM));
        s.setAction(Signals.SIGUSR2, SignalState.SIG_IGN, 0, 0);
        s.setBlocked(bit(Signals.SIGINT) | bit(Signals.SIGKILL));
        s.enqueue(osbox.kernel.core.proc.SigInfo.kernel(Signals.SIGINT));
        assertEquals(bit(Signals.SIGINT), s.blocked(), "SIGKILL cannot be blocked");
        SignalState child = s.forkCopy();
        assertEquals(HANDLER, child.handler(Signals.SIGUSR1));
        assertEquals(SA_RESTART, child.flags(Signals.SIGUSR1));
        assertEquals(bit(Signals.SIGINT), child.blocked());
        assertEquals(0, child.pending(), "a fork's child has nothing pending");
        s.execReset();
        assertEquals(SignalState.SIG_DFL, s.handler(Signals.SIGUSR1));
        assertEquals(0, s.flags(Signals.SIGUSR1));
        assertEquals(SignalState.SIG_IGN, s.handler(Signals.SIGUSR2), "ignored stays ignored");
        assertEquals(bit(Signals.SIGINT), s.blocked(), "the mask survives execve");
        assertTrue(s.isPending(Signals.SIGINT), "so do pending signals");
    }
}
