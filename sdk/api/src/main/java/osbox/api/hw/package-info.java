/**
 * The simulated computer's hardware, as the kernel and tools see it: physical
 * memory, the MMU with its TLB, harts (RISC-V CPUs in user mode), the
 * interrupt controller, the timer, the console, and the machine that owns the
 * deterministic clock, the event queue and the simulation thread; and the
 * Sv39 page-table entry layout ({@link osbox.api.hw.Pte}) that the MMU walks
 * and the kernel writes; and the one parser of each of the machine's
 * launch settings, {@link osbox.api.hw.MemorySize} ({@code --mem},
 * {@code --swap}) and {@link osbox.api.hw.TlbSpec} ({@code --tlb}), shared
 * by the launcher and the components that read them.
 *
 * <p>1.3: {@link osbox.api.hw.Console#outputClosed()} reports a host output
 * stream that refused bytes (a closed pipe);
 * {@link osbox.api.hw.Machine#setRunLimit} bounds the instructions retired
 * and the simulated clock of a run; {@link osbox.api.hw.MemorySize} and
 * {@link osbox.api.hw.TlbSpec} are new; {@link osbox.api.hw.HartContext} holds the F/D state, {@code f}
 * (f0..f31 as raw bits) and {@code fcsr}, so a context switch (which swaps
 * the context object) saves and restores it, and {@code copy} (fork) copies it.
 *
 * <p>1.4: {@link osbox.api.hw.IdlePacer} and
 * {@link osbox.api.hw.Machine#setIdlePacer}: a front end on a host terminal
 * holds the idle clock to host time.
 *
 * <p>1.5: storage. {@link osbox.api.hw.BlockDevice}, a disk behind a
 * register file (command, LBA, count, status, error, interrupt enable,
 * doorbell, a PIO data port) that a block layer's driver programs, one
 * command at a time, completing by interrupt or by polled status;
 * {@link osbox.api.hw.DmaEngine}, scatter-gather copies between a device's
 * buffer and physical memory with a completion callback and interrupt;
 * {@link osbox.api.hw.DiskSpec}, the one parser of {@code --disk}.
 *
 * <p>1.6: {@link osbox.api.hw.DiskSpec#memoryBytes()}: a disk in host
 * memory, {@code memory:16M} (workloads' memory-backed disks).
 *
 * <p>Every method here is called on the simulation thread unless its comment
 * says otherwise; the only door in from other threads is
 * {@link osbox.api.hw.Machine#submit(Runnable)} and friends.
 */
@org.osgi.annotation.versioning.Version("1.6.0")
@org.osgi.annotation.bundle.Export
package osbox.api.hw;
