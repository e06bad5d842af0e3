package osbox.kernel.core.proc;

import osbox.api.hw.HartContext;
import osbox.api.kernel.UserMemory;
import osbox.api.memory.AddressSpace;

/**
 * For tests of other packages: gives a PCB what ForkExec gives it (its
 * image), since those writes are package-private to their owner.
 */
public final class Pcbs {
    private Pcbs() {
    }

    /** Gives p registers, an address space and its user memory, as spawn does. */
    public static Process withImage(Process p, HartContext context, AddressSpace space, UserMemory memory) {
        p.setImage(context, space, memory);
        return p;
    }

    /** Gives p the static priority {@code priority} (what a spawn's attributes set). */
    public static void setPriority(Process p, int priority) {
        p.setAttributes(new osbox.api.sched.TaskAttributes(p.nice(), priority, p.tickets(), p.lengthHint(),
                p.burstHint()));
    }
}
