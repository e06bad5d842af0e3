package osbox.vm.manager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.io.BlockLayer;
import osbox.vm.manager.core.BlockSwapBackend;

/**
 * Puts the VM manager's swap on the disk the framework property
 * {@value #PROPERTY} names (the launcher's {@code --swap-disk FILE}
 * attaches FILE as the last disk and names it here), when the kernel's
 * {@link BlockLayer} arrives: page-ins and page-outs then go through the
 * block layer, its I/O scheduler and the disk's timing, and the swap area
 * is the disk's size. Without the property it does nothing, and swap stays
 * the host-memory area {@code --swap} sizes. The block layer is optional
 * here (a machine without one still boots); the binding happens at boot,
 * before any process runs, and once.
 */
@Component(immediate = true)
public final class SwapDiskBinding {
    /** The framework property naming the swap disk (vda, vdb, ...). */
    public static final String PROPERTY = "osbox.swap.disk";
    private static final Logger LOG = LoggerFactory.getLogger(SwapDiskBinding.class);

    private final VmManagerComponent vm;
    private final String disk;
    private boolean bound;

    /** The binding of {@code vm}'s swap to the disk the framework property names (if any). */
    @Activate
    public SwapDiskBinding(BundleContext context, @Reference(name = "vm") VmManagerComponent vm) {
        this.vm = vm;
        String name = context.getProperty(PROPERTY);
        this.disk = name == null || name.isBlank() ? null : name.trim();
    }

    /**
     * The block layer arrived: swap goes on the named disk (simulation
     * thread). A disk it does not have, or a read-only one, is logged as
     * an error and swap stays in host memory.
     */
    @Reference(name = "blocks", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindBlocks(BlockLayer blocks) {
        if (disk == null || bound) {
            return;
        }
        try {
            vm.machine().call(() -> {
                vm.core().useSwapDevice(new BlockSwapBackend(blocks, disk));
                return null;
            });
            bound = true;
        } catch (Exception e) {
            LOG.error("osbox: swap disk {}: {}", disk, e.getMessage());
        }
    }

    /** The block layer left (the framework stops): nothing to undo. */
    void unbindBlocks(BlockLayer blocks) {
        // the swap device stays bound: the machine is going down with it
    }
}
