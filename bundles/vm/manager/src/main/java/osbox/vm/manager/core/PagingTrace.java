package osbox.vm.manager.core;

import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;

/**
 * Where the VM manager's trace events go: the memory events of address
 * spaces (faults, page-ins and page-outs, resident-set changes) and the
 * notes of the replacement policy slot (changes, ejections). Without a
 * tracer nothing is recorded. Simulation thread only.
 */
final class PagingTrace {
    private final Tracer tracer;

    /** Records into {@code tracer}; null records nothing. */
    PagingTrace(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Records a memory event of {@code space} (see TraceKind's memory
     * events): pid = its owner, hart -1; nothing when the space has no
     * owner yet.
     */
    void memory(TraceKind kind, PagedAddressSpace space, long a, long b) {
        if (tracer != null && space.pid() != 0) {
            tracer.record(kind, -1, space.pid(), a, b);
        }
    }

    /** Records a NOTE event with argument {@code a} and its text (hart -1, pid 0). */
    void note(long a, String text) {
        if (tracer != null) {
            tracer.record(TraceKind.NOTE, -1, 0, a, 0, text);
        }
    }
}
