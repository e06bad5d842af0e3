package osbox.hw.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.function.LongFunction;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import osbox.api.hw.BlockDevice;
import osbox.api.hw.DiskSpec;
import osbox.api.hw.DmaEngine;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;

/**
 * The disks of one model a component attaches: those the framework property
 * {@value DiskSpec#PROPERTY} names with that model, each opened on its image
 * and registered as a {@link BlockDevice} service with its name (vda, vdb,
 * ... by position in the whole list, whatever the model) and model as the
 * service properties {@link BlockDevice#NAME_PROPERTY} and
 * {@link BlockDevice#MODEL_PROPERTY}.
 */
public final class DiskAttachments {
    private final List<ServiceRegistration<BlockDevice>> registrations = new ArrayList<>();
    private final List<DiskController> disks = new ArrayList<>();

    /**
     * Attaches the disks of {@code model} that {@code context}'s property
     * names, timing each with the model {@code media} makes for its size in
     * sectors. Throws IllegalArgumentException ({@code --disk FILE: why},
     * the launcher's one line) when the property is malformed or an image
     * cannot be opened; what was attached before is detached then.
     */
    public DiskAttachments(BundleContext context, String model, LongFunction<MediaModel> media, Machine machine,
            InterruptController intc, DmaEngine dma) {
        List<DiskSpec> specs = DiskSpec.parseList(context.getProperty(DiskSpec.PROPERTY));
        try {
            for (int i = 0; i < specs.size(); i++) {
                DiskSpec spec = specs.get(i);
                if (spec.model().equals(model)) {
                    attach(context, DiskSpec.deviceName(i), spec, media, machine, intc, dma);
                }
            }
        } catch (IllegalArgumentException e) {
            close();
            throw e;
        }
    }

    // Opens one image and registers its device.
    private void attach(BundleContext context, String name, DiskSpec spec, LongFunction<MediaModel> media,
            Machine machine, InterruptController intc, DmaEngine dma) {
        BackingStore store;
        try {
            store = spec.memoryBytes() > 0 ? new MemoryBackingStore(spec.memoryBytes() / BlockDevice.SECTOR_SIZE)
                    : FileBackingStore.open(Path.of(spec.file()), spec.readOnly());
        } catch (FileBackingStore.BadImageException e) {
            throw new IllegalArgumentException("--disk " + spec.file() + ": " + e.getMessage());
        }
        DiskController disk = new DiskController(name, store, media.apply(store.sectors()), machine, intc, dma);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(BlockDevice.NAME_PROPERTY, name);
        props.put(BlockDevice.MODEL_PROPERTY, spec.model());
        disks.add(disk);
        registrations.add(context.registerService(BlockDevice.class, disk, props));
    }

    /** The devices attached, in name order. */
    public List<DiskController> disks() {
        return List.copyOf(disks);
    }

    /** Unregisters every device and closes its image. */
    public void close() {
        for (ServiceRegistration<BlockDevice> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle stopped first: the framework unregistered it
            }
        }
        registrations.clear();
        for (DiskController d : disks) {
            try {
                d.store().close();
            } catch (IOException e) {
                // closing a host file we only read and wrote: nothing left to lose
            }
        }
        disks.clear();
    }
}
