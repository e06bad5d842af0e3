package osbox.kernel.core.sched;

import osbox.api.hw.HartContext;
import osbox.api.kernel.ProcessState;
import osbox.api.memory.AddressSpace;
import osbox.api.sched.SchedTask;

/**
 * What the dispatcher needs of something it runs: what policies see of it
 * ({@link SchedTask}), its state, the registers and address space a hart
 * runs it with, and the dispatcher's own part of it ({@link SchedEntity}).
 * The process control block implements it; the dispatcher knows nothing
 * else of processes, so this package depends on no other kernel package.
 */
public interface Task extends SchedTask {
    /** The dispatcher's data about this task (written only by the dispatcher). */
    SchedEntity sched();

    /** Its state now. */
    ProcessState state();

    /**
     * Moves it to state {@code s}: the dispatcher moves it between READY,
     * RUNNING and BLOCKED. Throws IllegalStateException for a task that has
     * ended (ZOMBIE is final).
     */
    void setState(ProcessState s);

    /** The registers a hart runs it with. */
    HartContext context();

    /** The address space a hart runs it in (its satp and ASID). */
    AddressSpace space();
}
