package osbox.kernel.core.trap;

import osbox.api.hw.Hart;
import osbox.api.hw.TrapCause;
import osbox.api.kernel.Signals;
import osbox.api.memory.AddressSpace;
import osbox.kernel.core.proc.OomKiller;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.SignalDelivery;
import osbox.kernel.core.proc.StraceHooks;
import osbox.kernel.core.sched.Dispatcher;
import osbox.kernel.core.strace.SigInfo;

/**
 * Exceptions a process's own instructions cause: page faults (served by its
 * address space, or SIGSEGV, or the OOM killer), TLB misses of a
 * software-managed TLB, and the traps it cannot survive (killed with the
 * signal Linux sends, its pc and the faulting address reported).
 */
public final class FaultTrap {
    private final Dispatcher<Process> dispatcher;
    private final SignalDelivery signals;
    private final OomKiller oom;
    private final TrapTable.Handler unexpected;

    /** Faults of the processes {@code dispatcher} runs; {@code unexpected} takes a fault with no process. */
    public FaultTrap(Dispatcher<Process> dispatcher, SignalDelivery signals, OomKiller oom,
            TrapTable.Handler unexpected) {
        this.dispatcher = dispatcher;
        this.signals = signals;
        this.oom = oom;
        this.unexpected = unexpected;
    }

    /**
     * A page fault at {@code addr} for {@code access} (an Access kind): the
     * address space serves it (demand zero, image, swap-in, copy-on-write;
     * the VM manager traces it) and the instruction runs again; a page no
     * frame can be found for goes to the OOM killer; anything else is
     * SIGSEGV.
     */
    public void pageFault(Hart hart, int cause, long addr, int access) {
        Process p = dispatcher.current(hart.id());
        if (p == null) {
            unexpected.handle(hart, cause, addr);
            return;
        }
        int r = p.space().handleFault(addr, access);
        if (r == AddressSpace.SERVED) {
            return;
        }
        if (r == AddressSpace.OOM) {
            oom.faultFailed(p, access, addr);
            return;
        }
        fatal(hart, cause, addr, Signals.SIGSEGV);
    }

    /**
     * A software-managed TLB missed (causes 24-26): the address space looks
     * the page up in its own page table and installs it on this hart, or
     * serves the miss as a page fault first; pc is not advanced, the hart
     * retries the instruction. What cannot be served ends exactly like the
     * matching page fault (SIGSEGV, or the OOM killer).
     */
    public void tlbMiss(Hart hart, int cause, long addr) {
        Process p = dispatcher.current(hart.id());
        if (p == null) {
            unexpected.handle(hart, cause, addr);
            return;
        }
        int access = TrapCause.tlbMissAccess(cause);
        int r = p.space().handleTlbMiss(hart.mmu(), addr, access);
        if (r == AddressSpace.REFILLED || r == AddressSpace.SERVED) {
            return; // a fault served on the way was traced by the VM manager
        }
        if (r == AddressSpace.OOM) {
            oom.faultFailed(p, access, addr);
            return;
        }
        fatal(hart, TrapCause.pageFaultFor(cause), addr, Signals.SIGSEGV);
    }

    /**
     * A trap the process cannot survive: it is killed with {@code sig}, the
     * report naming the cause, pc and address (or the instruction bits of
     * an illegal instruction).
     */
    public void fatal(Hart hart, int cause, long tval, int sig) {
        Process p = dispatcher.current(hart.id());
        if (p == null) {
            unexpected.handle(hart, cause, tval);
            return;
        }
        String what = cause == TrapCause.ILLEGAL_INSTRUCTION
                ? String.format("%s at pc=0x%x (instruction 0x%x)", TrapCause.name(cause), p.context().pc, tval)
                : String.format("%s at pc=0x%x, address 0x%x", TrapCause.name(cause), p.context().pc, tval);
        StraceHooks.signalDelivered(p, sig, faultCode(cause, sig),
                sig == Signals.SIGILL || sig == Signals.SIGTRAP ? p.context().pc : tval);
        signals.kill(p, sig, what, tval);
    }

    // siginfo's si_code for a fatal trap, as Linux gives it (strace prints it)
    private static int faultCode(int cause, int sig) {
        if (sig == Signals.SIGSEGV) {
            boolean access = cause == TrapCause.LOAD_ACCESS_FAULT || cause == TrapCause.STORE_ACCESS_FAULT
                    || cause == TrapCause.INSTRUCTION_ACCESS_FAULT;
            return access ? SigInfo.SEGV_ACCERR : SigInfo.SEGV_MAPERR;
        }
        return sig == Signals.SIGBUS ? SigInfo.BUS_ADRALN : sig == Signals.SIGILL ? SigInfo.ILL_ILLOPC
                : SigInfo.TRAP_BRKPT;
    }
}
