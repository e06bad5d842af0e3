package osbox.vm.manager;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Machine;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.FrameUsage;
import osbox.api.memory.MemoryManager;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;
import osbox.vm.manager.core.VmManager;

/**
 * The VM manager as services (PID {@value #PID}): the {@link MemoryManager}
 * the kernel makes address spaces with (and the paging counters the shell
 * shows); the page-replacement slot's control is {@link ReplacementControl}.
 * It collects {@link ReplacementPolicyProvider} whiteboard services (named by
 * {@value ReplacementPolicyProvider#NAME}) and applies each arrival at the
 * next safe point and each departure at a safe point before its unbind
 * returns, so a stopped policy bundle's code is never called afterwards.
 */
@Component(service = {MemoryManager.class, VmManagerComponent.class}, configurationPid = VmManagerComponent.PID)
@Designate(ocd = VmManagerComponent.Config.class)
public final class VmManagerComponent implements MemoryManager {
    /** Config Admin PID of the VM manager's settings (swap). */
    public static final String PID = "osbox.vm.manager";
    private static final Logger LOG = LoggerFactory.getLogger(VmManagerComponent.class);

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
    }

    private final Machine machine;
    private final VmManager core;

    /**
     * Builds the VM manager on the simulation thread with the configured swap
     * (framework property osbox.swap wins).
     */
    @Activate
    public VmManagerComponent(Config config, BundleContext context, @Reference(name = "machine") Machine machine)
            throws Exception {
        this.machine = machine;
        String swapText = context.getProperty("osbox.swap");
        if (swapText == null || swapText.isBlank()) {
            swapText = config.swap();
        }
        long swapBytes;
        try {
            swapBytes = Options.size(swapText);
        } catch (IllegalArgumentException e) {
            LOG.error("swap size '{}' rejected, running without swap: {}", swapText, e.getMessage());
            swapBytes = 0;
        }
        VmManager.Settings settings = new VmManager.Settings(swapBytes, config.swap_cycles(), config.seed());
        this.core = machine.call(() -> new VmManager(machine, settings));
    }

    /** The plain-Java VM manager, for {@link ReplacementControl} (its slot on the simulation thread only). */
    VmManager core() {
        return core;
    }

    /** The machine whose simulation thread runs the VM manager. */
    Machine machine() {
        return machine;
    }

    // ---- the replacement whiteboard ----

    /** A replacement policy provider arrived: it joins the slot at the next safe point. */
    @Reference(name = "replacement", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindReplacement(ReplacementPolicyProvider p, Map<String, Object> props) {
        Object name = props.get(ReplacementPolicyProvider.NAME);
        if (!(name instanceof String) || ((String) name).isBlank()) {
            LOG.warn("page replacement policy provider {} has no {} property; ignored", p,
                    ReplacementPolicyProvider.NAME);
            return;
        }
        machine.submit(() -> core.addProvider((String) name, p));
    }

    /** A replacement policy provider left: it leaves the slot at a safe point before this returns. */
    void unbindReplacement(ReplacementPolicyProvider p, Map<String, Object> props) {
        Object name = props.get(ReplacementPolicyProvider.NAME);
        if (name instanceof String) {
            try {
                sim(() -> {
                    core.removeProvider((String) name, p);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.error("removing page replacement policy {} failed", name, e);
            }
        }
    }

    // ---- MemoryManager: called by the kernel on the simulation thread ----

    @Override
    public AddressSpace createAddressSpace(int pid) {
        return core.createAddressSpace(pid);
    }

    /** The live space of pid (simulation thread: the caller reads it there, e.g. in Machine.call). */
    @Override
    public AddressSpace addressSpace(int pid) {
        return core.addressSpace(pid);
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
