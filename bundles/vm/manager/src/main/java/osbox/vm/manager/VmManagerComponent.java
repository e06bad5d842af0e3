package osbox.vm.manager;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.DiskSpec;
import osbox.api.hw.Machine;
import osbox.api.hw.MemorySize;
import osbox.api.memory.SharedMemoryObject;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.FrameUsage;
import osbox.api.memory.MemoryManager;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.kernel.support.WhiteboardTracker;
import osbox.vm.manager.core.VmManager;

/**
 * The VM manager as services (PID {@value #PID}): the {@link MemoryManager}
 * the kernel makes address spaces with (and the paging counters the shell
 * shows); the page-replacement slot's control is {@link ReplacementControl}.
 * It tracks the services of the VM manager's whiteboard table
 * ({@link VmManager#whiteboard()}: {@link ReplacementPolicyProvider}s named
 * by {@value ReplacementPolicyProvider#NAME}), which applies each arrival at
 * the next safe point and each departure at a safe point before the
 * service's unregistration returns, so a stopped policy bundle's code is
 * never called afterwards.
 */
@Component(service = {MemoryManager.class, VmManagerComponent.class}, configurationPid = VmManagerComponent.PID)
@Designate(ocd = VmManagerComponent.Config.class)
public final class VmManagerComponent implements MemoryManager {
    /** Config Admin PID of the VM manager's settings (swap). */
    public static final String PID = "osbox.vm.manager";
    /** The framework property with the swap size (the osbox script's --swap); wins over the configuration. */
    static final String SWAP_PROPERTY = "osbox.swap";

    @ObjectClassDefinition(name = "osbox VM manager")
    public @interface Config {
        @AttributeDefinition(description = "Swap area size, e.g. 0 (none), 64M, 1G; the framework property "
                + "osbox.swap overrides it")
        String swap() default "0";

        @AttributeDefinition(description = "Cycles one page transfer to or from swap costs (charged to the "
                + "faulting hart)")
        long swap_cycles() default VmManager.Settings.SWAP_CYCLES;

        @AttributeDefinition(description = "Seed of the replacement policies' random numbers")
        long seed() default VmManager.Settings.SEED;

        @AttributeDefinition(description = "Frames reserved at boot for the kernel's own use (disk drivers' DMA "
                + "descriptors, bounce buffers), outside the users' frames; reserved only when the machine has "
                + "disks (framework property osbox.disks), and at most an eighth of memory")
        int kernel_frames() default KERNEL_FRAMES;
    }

    /** The kernel frame pool's default size: 64 frames (256 KiB). */
    public static final int KERNEL_FRAMES = 64;

    private final Machine machine;
    private final VmManager core;
    private final WhiteboardTracker replacements;

    /**
     * Builds the VM manager on the simulation thread with the configured swap
     * (framework property osbox.swap wins). A swap size that is not one
     * ({@link MemorySize#machine}: at most 4T, whole pages) fails activation
     * with a one-line IllegalArgumentException naming its source, which the
     * launcher reports as a configuration error.
     */
    @Activate
    public VmManagerComponent(Config config, BundleContext context, @Reference(name = "machine") Machine machine)
            throws Exception {
        this.machine = machine;
        long swapBytes = swapBytes(context.getProperty(SWAP_PROPERTY), config.swap());
        int kernelFrames = kernelFrames(config.kernel_frames(), context.getProperty(DiskSpec.PROPERTY),
                machine.memory().frameCount());
        VmManager.Settings settings = new VmManager.Settings(swapBytes, config.swap_cycles(), config.seed(),
                kernelFrames);
        this.core = machine.call(() -> new VmManager(machine, settings));
        this.replacements = WhiteboardTracker.open(context, core.whiteboard());
    }

    /**
     * The swap size: the framework property when set, else the configured
     * one. Throws IllegalArgumentException naming the source and the text
     * when it is not a size of at most 4T in whole pages.
     */
    static long swapBytes(String property, String configured) {
        boolean fromProperty = property != null && !property.isBlank();
        String text = fromProperty ? property.trim() : configured;
        try {
            return MemorySize.machine(text, true);
        } catch (IllegalArgumentException e) {
            String source = fromProperty ? SWAP_PROPERTY : PID + " swap";
            throw new IllegalArgumentException(source + " " + text + ": " + e.getMessage(), e);
        }
    }

    /**
     * The kernel frame pool's size: {@code configured} when the machine has
     * disks (their drivers are the pool's users), else 0, so a machine
     * without disks keeps every frame for its processes (and its paging
     * numbers); never more than an eighth of the {@code frames}. Throws
     * IllegalArgumentException for a negative size.
     */
    static int kernelFrames(int configured, String disks, long frames) {
        if (configured < 0) {
            throw new IllegalArgumentException(PID + " kernel_frames " + configured + ": must be 0 or more");
        }
        if (disks == null || disks.isBlank()) {
            return 0;
        }
        return (int) Math.min(configured, frames / 8);
    }

    /** The plain-Java VM manager, for {@link ReplacementControl} (its slot on the simulation thread only). */
    VmManager core() {
        return core;
    }

    /** The machine whose simulation thread runs the VM manager. */
    Machine machine() {
        return machine;
    }

    /** Closes the replacement whiteboard's trackers: every provider still bound leaves the slot first. */
    @Deactivate
    void deactivate() {
        replacements.close();
    }

    // ---- MemoryManager: called by the kernel on the simulation thread ----

    @Override
    public AddressSpace createAddressSpace(int pid) {
        return core.createAddressSpace(pid);
    }

    /** A System V shared memory segment (simulation thread). */
    @Override
    public SharedMemoryObject createSharedMemory(long pages) {
        return core.createSharedMemory(pages);
    }

    @Override
    public SharedMemoryObject sharedMemory(long handle) {
        return core.sharedMemory(handle);
    }

    /** The live space of pid (simulation thread: the caller reads it there, e.g. in Machine.call). */
    @Override
    public AddressSpace addressSpace(int pid) {
        return core.addressSpace(pid);
    }

    @Override
    public long allocateKernelFrame() {
        return core.allocateKernelFrame();
    }

    @Override
    public void freeKernelFrame(long ppn) {
        core.freeKernelFrame(ppn);
    }

    @Override
    public void useClock(LongSupplier clock) {
        core.useClock(clock);
    }

    @Override
    public long takeSwapCycles() {
        return core.takeSwapCycles();
    }

    @Override
    public void outOfMemoryKill(int pid) {
        core.outOfMemoryKill(pid);
    }

    @Override
    public long oomKills() {
        return sim(core::oomKills);
    }

    @Override
    public FrameUsage frames() {
        return sim(core::frames);
    }

    @Override
    public long pageOuts() {
        return sim(core::pageOuts);
    }

    @Override
    public long pageIns() {
        return sim(core::pageIns);
    }

    @Override
    public long swapSlots() {
        return sim(core::swapSlots);
    }

    @Override
    public long swapSlotsUsed() {
        return sim(core::swapSlotsUsed);
    }

    /** The paging counters; any thread (they are read on the simulation thread). */
    @Override
    public Map<String, Long> statistics() {
        return sim(core::statistics);
    }

    // Runs c on the simulation thread (at once when already on it) and returns its result.
    private <T> T sim(Callable<T> c) {
        try {
            return machine.call(c);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
