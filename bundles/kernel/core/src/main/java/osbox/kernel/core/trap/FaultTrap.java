package osbox.kernel.core.trap;

import osbox.api.hw.Hart;
import osbox.api.hw.TrapCause;
import osbox.api.kernel.Signals;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.MemoryRegion;
import osbox.kernel.core.proc.SigInfo;
import osbox.kernel.core.proc.OomKiller;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.SignalDelivery;
import osbox.kernel.core.sched.Dispatcher;
import osbox.kernel.core.sched.KernelWaitQueue;

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
     * the VM manager traces it) and the instruction runs again; a fault
     * that needs I/O (a page-in from a swap disk) sleeps until it completes
     * and then runs the instruction again; a page no frame can be found
     * for goes to the OOM killer; anything else is SIGSEGV.
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
        if (r == AddressSpace.WAIT) {
            sleepUntilReady(hart, p);
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
        if (r == AddressSpace.WAIT) {
            sleepUntilReady(hart, p);
            return;
        }
        if (r == AddressSpace.OOM) {
            oom.faultFailed(p, access, addr);
            return;
        }
        fatal(hart, TrapCause.pageFaultFor(cause), addr, Signals.SIGSEGV);
    }

    /**
     * The fault of p (running on hart) waits for I/O: p sleeps on a wait
     * queue of its own that the address space wakes when the I/O completes;
     * pc was not advanced, so the instruction runs again then (and may
     * fault again). A signal may wake it earlier: the instruction faults
     * and waits again.
     */
    private void sleepUntilReady(Hart hart, Process p) {
        KernelWaitQueue<Process> q = dispatcher.newWaitQueue("page-in");
        p.space().onFaultReady(q::wakeAll);
        dispatcher.sleepOn(hart, p, q);
    }

    /**
     * A trap the process's instruction cannot go past: signal {@code sig}
     * is forced on it (Linux's force_sig_fault) with the si_code and
     * si_addr Linux gives: its handler runs if it has one and does not
     * block sig (the instruction runs again when the handler returns);
     * otherwise it is killed, the report naming the cause, pc and address
     * (or the instruction bits of an illegal instruction).
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
        long pc = p.context().pc;
        int code;
        long addr;
        switch (cause) {
            case TrapCause.ILLEGAL_INSTRUCTION -> {
                code = SigInfo.ILL_ILLOPC;
                addr = pc;
            }
            case TrapCause.BREAKPOINT -> {
                code = SigInfo.TRAP_BRKPT;
                addr = pc;
            }
            case TrapCause.LOAD_PAGE_FAULT, TrapCause.STORE_PAGE_FAULT, TrapCause.INSTRUCTION_PAGE_FAULT -> {
                code = mapped(p, tval) ? SigInfo.SEGV_ACCERR : SigInfo.SEGV_MAPERR;
                addr = tval;
            }
            default -> {
                code = sig == Signals.SIGBUS ? SigInfo.BUS_ADRALN : SigInfo.SEGV_ACCERR;
                addr = tval;
            }
        }
        signals.force(p, sig, code, addr, what);
    }

    // Whether addr lies in one of p's regions (a SIGSEGV there is SEGV_ACCERR, elsewhere SEGV_MAPERR).
    private static boolean mapped(Process p, long addr) {
        for (MemoryRegion r : p.space().memoryRegions()) {
            if (Long.compareUnsigned(addr, r.start()) >= 0 && Long.compareUnsigned(addr, r.end()) < 0) {
                return true;
            }
        }
        return false;
    }
}
