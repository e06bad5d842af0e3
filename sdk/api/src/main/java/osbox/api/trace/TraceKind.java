package osbox.api.trace;

/** Kinds of trace event. The ordinal is part of the trace hash: append only. */
public enum TraceKind {
    /** a = syscall number, b = result. */
    SYSCALL,
    /** a = syscall number; no handler is bound: answered ENOSYS. */
    SYSCALL_UNKNOWN,
    /** a = cause, b = tval. */
    TRAP,
    /** a = faulting address, b = access; the fault was served (page mapped). */
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
    NOTE
}
