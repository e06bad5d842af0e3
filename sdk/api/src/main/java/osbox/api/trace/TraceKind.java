package osbox.api.trace;

/**
 * Kinds of trace event. The ordinal is part of the trace hash: append only.
 *
 * <h2>Memory events</h2>
 *
 * The kinds from {@link #ZERO_FILL_FAULT} on describe paging per process, so
 * that the resident set and the cumulative faults of every process can be
 * drawn over time from the trace alone. In each of them {@code pid} is the
 * process whose address space changed (for {@link #PAGE_OUT} the owner of the
 * evicted page, which need not be the process that ran), {@code hart} the
 * hart whose trap or system call caused it, or -1, and the event is recorded
 * after the change, so {@code b} (or {@code a} for {@link #MEMORY}) is the
 * process's resident set <em>after</em> it, in pages, the value
 * {@link osbox.api.kernel.MemoryUsage#residentPages()} would read then.
 *
 * <p>For the fault kinds {@code a} is the page's virtual address (a multiple
 * of 4096) ORed with the access that faulted in its low bits: the
 * {@code osbox.api.hw.Access} bit (READ 2, WRITE 4, EXECUTE 8), 0 when no
 * access is known; for {@link #COW_FAULT} bit 0 is also set when the frame
 * was copied. Readers take {@code a & ~0xfffL} as the page, {@code a & 0xeL}
 * as the access.
 *
 * <p>A process's resident set changes only with one of these events, so a
 * reader following them per pid knows it at any time after the process's
 * first one: the faults and {@link #PAGE_IN} add a page, {@link #PAGE_OUT}
 * removes one, and {@link #MEMORY} states the set outright wherever it changes
 * otherwise (fork, execve, munmap, brk shrinking, the exit). Each served
 * fault counts once in exactly one of the fault kinds (zero fill, image, COW,
 * or {@link #PAGE_IN} for a major fault), as in the counters of
 * {@link osbox.api.kernel.MemoryUsage}. The older {@link #PAGE_FAULT} is no
 * longer recorded for served faults: these kinds replace it (page-outs and
 * page-ins are not recorded as {@link #NOTE}s either).
 */
public enum TraceKind {
    /** a = syscall number, b = result. */
    SYSCALL,
    /** a = syscall number; no handler is bound: answered ENOSYS. */
    SYSCALL_UNKNOWN,
    /** a = cause, b = tval. */
    TRAP,
    /**
     * a = faulting address, b = access; the fault was served (page mapped).
     * No longer recorded by osbox, whose VM manager records the memory kinds
     * below instead (one per served fault); kept so old traces still read.
     */
    PAGE_FAULT,
    /** a = pid switched from (0 = idle), b = pid switched to (0 = idle). */
    CONTEXT_SWITCH,
    /** a = parent pid. */
    PROCESS_CREATE,
    /** a = wait status. */
    PROCESS_EXIT,
    /** a = signal, b = faulting address; text says why. */
    PROCESS_KILL,
    /** a = interrupt source. */
    INTERRUPT,
    /** A bundle or service came or went; text names it. */
    SERVICE,
    /** Anything else; text says what. */
    NOTE,
    /**
     * A minor fault: a heap, stack, bss or anonymous page touched for the first
     * time got a zeroed frame. a = page address | access, b = the process's
     * resident pages after.
     */
    ZERO_FILL_FAULT,
    /**
     * A page of the program's image filled from the executable on its first
     * touch. a = page address | access, b = resident pages after.
     */
    IMAGE_FAULT,
    /**
     * A write to a copy-on-write page: the frame was copied (bit 0 of a set) or
     * taken back as its only user. a = page address | access (WRITE) | copied,
     * b = resident pages after.
     */
    COW_FAULT,
    /**
     * A major fault: the page was read back from swap into a new frame.
     * a = page address | access, b = resident pages after.
     */
    PAGE_IN,
    /**
     * A page was evicted: written to swap and its frame freed. pid = the
     * page's owner, a = page address, b = the owner's resident pages after.
     */
    PAGE_OUT,
    /**
     * The resident set stated outright, recorded wherever it changes other than
     * by the kinds above: a new process (a forked child: the pages it shares;
     * a spawned one: 0), execve (the old image's pages gone), munmap and brk
     * freeing pages, the exit (0 and 0). a = resident pages, b = swapped pages.
     */
    MEMORY,
    /**
     * A signal was delivered to a handler: its frame is on the user stack
     * and the process returns to user mode in the handler. a = signal,
     * b = handler address; text names the signal.
     */
    SIGNAL_DELIVER,
    /**
     * A deadlock: a wait closed a cycle in the kernel's wait-for graph (every
     * task it can reach waits for a resource only blocked tasks hold). pid =
     * the task whose wait closed it, a = the deadlock's number (as
     * {@code ipc:deadlocks} lists it), b = how many tasks are deadlocked;
     * text = the cycle ("pid 3 (a) waits for pipe:[1] ... held by pid 4 (b);
     * ...") and what the detection policy did. Since 1.3.
     */
    DEADLOCK,
    /**
     * Priority inheritance changed a thread's priority: a waiter for a lock
     * it owns lent it a better one (a boost), or the loan ended (it unlocked,
     * or its waiter left) and it went back. pid = the thread (its tid),
     * hart = where it last ran or -1, a = its priority now, b = before
     * (0 most important: a &lt; b is a boost, a &gt; b the way back); text
     * says which. Since 1.4.
     */
    PRIORITY_BOOST,
    /**
     * The block layer queued a request (an I/O submitted, not merged into
     * one already queued). pid = the submitter (0 the kernel), hart = -1,
     * a = the first sector, b = (device number &lt;&lt; 32) | sectors;
     * text = "vda R 2048+8" (R read, W write, F flush; a trailing " sync",
     * " fua" or " preflush" for those flags). Since 1.5.
     */
    BLOCK_ISSUE,
    /**
     * The I/O scheduler chose a request and the driver started it on the
     * device. pid, a, b and text as for {@link #BLOCK_ISSUE}; the text adds
     * the scheduler's name and the queue depth left ("vda R 2048+8 by sstf,
     * 3 queued"). Since 1.5.
     */
    BLOCK_DISPATCH,
    /**
     * A request completed (the driver saw the device's completion, by
     * interrupt or polling). pid, a, b as for {@link #BLOCK_ISSUE}; text =
     * "vda R 2048+8 in 1234 us" and " error N" when it failed. Since 1.5.
     */
    BLOCK_COMPLETE
}
