package osbox.vm.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import osbox.api.vm.ReplacementPolicyProvider;
import osbox.api.vm.VmControl;
import osbox.kernel.support.Options;
import osbox.vm.manager.core.VmManager;

/**
 * The VM manager as services (PID {@value #PID}): the {@link MemoryManager}
 * the kernel makes address spaces with, and {@link VmControl}, the
 * page-replacement slot and paging counters for the shell and the launcher.
 * It collects {@link ReplacementPolicyProvider} whiteboard services (named by
 * {@value ReplacementPolicyProvider#NAME}) and applies each arrival at the
 * next safe point and each departure at a safe point before its unbind
 * returns, so a stopped policy bundle's code is never called afterwards.
 */
@Component(service = {MemoryManager.class, VmControl.class}, configurationPid = VmManagerComponent.PID)
@Designate(ocd = VmManagerComponent.Config.class)
public final class VmManagerComponent implements MemoryManager, VmControl {
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
     * (framework property osbox.swap wins), then selects the replacement
     * policy named by the framework properties osbox.vm.policy and
     * osbox.vm.options, if any.
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
            LOG.error("swap size rejected, running without swap: {}", e.getMessage());
            swapBytes = 0;
        }
        VmManager.Settings settings = new VmManager.Settings(swapBytes, config.swap_cycles(), config.seed());
        this.core = machine.call(() -> new VmManager(machine, settings));
        // the page-replacement policy chosen when the framework was started
        String vmPolicy = context.getProperty("osbox.vm.policy");
        if (vmPolicy != null && !vmPolicy.isBlank()) {
            try {
                Map<String, String> options = Options.parse(context.getProperty("osbox.vm.options"));
                sim(() -> core.select(vmPolicy.trim(), options));
            } catch (IllegalArgumentException e) {
                LOG.info("page replacement policy {} from osbox.vm.policy not applied: {}", vmPolicy,
                        e.getMessage());
            }
        }
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

    /** The paging counters (MemoryManager and VmControl alike); any thread. */
    @Override
    public Map<String, Long> statistics() {
        return sim(core::statistics);
    }

    // ---- VmControl: the page-replacement slot, on the simulation thread ----

    @Override
    public List<VmControl.Policy> policies() {
        return sim(() -> {
            var slot = core.slot();
            List<VmControl.Policy> out = new ArrayList<>();
            out.add(new VmControl.Policy(VmControl.BUILTIN, "the VM manager's FIFO (fallback)", Map.of(),
                    slot.isFallback()));
            for (String name : slot.available()) {
                var provider = slot.provider(name);
                out.add(new VmControl.Policy(name, provider.describe(), new TreeMap<>(provider.defaults()),
                        name.equals(slot.activeName()) && !slot.isFallback()));
            }
            return out;
        });
    }

    @Override
    public String active() {
        return sim(() -> core.slot().activeName());
    }

    @Override
    public String waitingFor() {
        return sim(() -> core.slot().waitingFor());
    }

    @Override
    public Map<String, String> activeOptions() {
        return sim(() -> core.slot().activeOptions());
    }

    @Override
    public boolean use(String name, Map<String, String> options) {
        return sim(() -> core.select(name, options));
    }

    @Override
    public List<VmControl.Ejection> ejections() {
        return sim(() -> core.slot().ejections().stream()
                .map(e -> new VmControl.Ejection(e.at(), e.policy(), e.reason())).toList());
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
