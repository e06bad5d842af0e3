package osbox.kernel.core.syscall;

import osbox.api.hw.Hart;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.UserMemory;
import osbox.api.kernel.WaitQueue;
import osbox.kernel.core.KernelCore;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.sched.KernelWaitQueue;

/**
 * The context of the system call being served. One instance per hart,
 * reused for every call: no allocation per syscall. Handlers inside the
 * kernel bundle reach the PCB and kernel through {@link #of}.
 */
public final class KernelCall implements SyscallContext {
    private final KernelCore kernel;
    private Hart hart;
    private Process process;
    private int number;
    private boolean slept;

    public KernelCall(KernelCore kernel) {
        this.kernel = kernel;
    }

    /** Binds this context to a new call. */
    public void begin(Hart hart, Process process, int number) {
        this.hart = hart;
        this.process = process;
        this.number = number;
        this.slept = false;
    }

    /** The kernel-side view of a context handed to a handler of this bundle. */
    public static KernelCall of(SyscallContext context) {
        if (!(context instanceof KernelCall)) {
            throw new IllegalArgumentException("not a kernel call context: " + context);
        }
        return (KernelCall) context;
    }

    public Process pcb() {
        return process;
    }

    public KernelCore kernel() {
        return kernel;
    }

    public Hart hartObject() {
        return hart;
    }

    /** Whether the handler put the caller to sleep. */
    public boolean slept() {
        return slept;
    }

    @Override public int number() { return number; }
    @Override public long arg(int i) {
        if (i < 0 || i > 5) {
            throw new IllegalArgumentException("syscall argument index " + i);
        }
        return process.context.x[10 + i];
    }
    @Override public ProcessView process() { return process; }
    @Override public UserMemory memory() { return process.user; }
    @Override public int hart() { return hart.id(); }
    @Override public long now() { return hart.cycle(); }
    @Override public long frequencyHz() { return kernel.machine().frequencyHz(); }
    @Override public boolean woken() { return process.woken; }

    @Override
    public void sleepOn(WaitQueue queue) {
        if (!(queue instanceof KernelWaitQueue)) {
            throw new IllegalArgumentException("wait queue not made by this kernel: " + queue);
        }
        slept = true;
        kernel.dispatcher().sleepOn(hart, process, (KernelWaitQueue) queue);
    }

    @Override
    public void sleepUntil(long deadline) {
        slept = true;
        kernel.dispatcher().sleepUntil(hart, process, deadline);
    }
}
