package osbox.vm.manager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.io.BlockLayer;
import osbox.vm.manager.core.BlockSwapBackend;

/**
 * Puts the VM manager's swap on the disk the framework property
 * {@value #PROPERTY} names (the launcher's {@code --swap-disk FILE}
 * attaches FILE as the last disk and names it here), once the kernel's
 * {@link BlockLayer} is up: page-ins and page-outs then go through the
 * block layer, its I/O scheduler and the disk's timing, and the swap area
 * is the disk's size. Without the property it does nothing, and swap stays
 * the host-memory area {@code --swap} sizes. The binding happens at boot,
 * before any process runs (nothing is in swap yet).
 */
@Component(immediate = true)
public final class SwapDiskBinding {
    /** The framework property naming the swap disk (vda, vdb, ...). */
    public static final String PROPERTY = "osbox.swap.disk";

    /**
     * Binds swap to the named disk on the simulation thread. Throws
     * IllegalArgumentException (activation fails, reported as a
     * configuration error) when the block layer has no such writable disk.
     */
    @Activate
    public SwapDiskBinding(BundleContext context, @Reference(name = "vm") VmManagerComponent vm,
            @Reference(name = "blocks") BlockLayer blocks) throws Exception {
        String name = context.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            return;
        }
        vm.machine().call(() -> {
            vm.core().useSwapDevice(new BlockSwapBackend(blocks, name.trim()));
            return null;
        });
    }
}
