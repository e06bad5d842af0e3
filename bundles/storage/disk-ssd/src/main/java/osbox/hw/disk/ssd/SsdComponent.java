package osbox.hw.disk.ssd;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.DiskSpec;
import osbox.api.hw.DmaEngine;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.policy.PolicyControl;
import osbox.hw.disk.DiskAttachments;

/**
 * The SSDs (PID {@code osbox.hw.disk.ssd}): every {@code --disk} with
 * model=ssd, each a {@code BlockDevice} service timed by an {@link SsdModel}
 * with this configuration; and the garbage collector's policy slot, a
 * {@link PolicyControl} of kind {@value GcPolicyControl#KIND} shared by them all.
 */
@Component(immediate = true, configurationPid = "osbox.hw.disk.ssd", service = PolicyControl.class,
        property = PolicyControl.KIND + "=" + GcPolicyControl.KIND)
@Designate(ocd = SsdComponent.Config.class)
public final class SsdComponent implements PolicyControl {

    @ObjectClassDefinition(name = "osbox SSD model")
    public @interface Config {
        @AttributeDefinition(description = "Sectors per flash page")
        int page_sectors() default 8;

        @AttributeDefinition(description = "Pages per erase block")
        int pages_per_block() default 64;

        @AttributeDefinition(description = "Independent flash channels")
        int channels() default 4;

        @AttributeDefinition(description = "Spare flash for the garbage collector, in percent of the logical size")
        int over_provision() default 7;

        @AttributeDefinition(description = "Page read latency in microseconds")
        long read_us() default 50;

        @AttributeDefinition(description = "Page program latency in microseconds")
        long program_us() default 500;

        @AttributeDefinition(description = "Block erase latency in microseconds")
        long erase_us() default 3000;

        @AttributeDefinition(description = "The host interface's rate in MB/s (bytes per microsecond)")
        long bus_mb_s() default 500;

        @AttributeDefinition(description = "The garbage collector's victim policy: greedy or cost-benefit")
        String gc_policy() default "greedy";
    }

    private final GcPolicyControl gc;
    private final DiskAttachments disks;

    @Activate
    public SsdComponent(@Reference(name = "machine") Machine machine,
            @Reference(name = "intc") InterruptController intc, @Reference(name = "dma") DmaEngine dma,
            Config config, BundleContext context) {
        SsdParameters parameters = new SsdParameters(config.page_sectors(), config.pages_per_block(),
                config.channels(), config.over_provision(), config.read_us() * 1000, config.program_us() * 1000,
                config.erase_us() * 1000, config.bus_mb_s());
        this.gc = new GcPolicyControl(machine::submit);
        try {
            gc.use(config.gc_policy().equals("greedy") ? BUILTIN : config.gc_policy(), java.util.Map.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("osbox.hw.disk.ssd gc_policy " + config.gc_policy() + ": "
                    + e.getMessage());
        }
        this.disks = new DiskAttachments(context, DiskSpec.SSD, sectors -> {
            SsdModel model = new SsdModel(sectors, parameters);
            gc.add(model.ftl());
            return model;
        }, machine, intc, dma);
    }

    @Deactivate
    void deactivate() {
        disks.close();
    }

    @Override public String kind() { return gc.kind(); }
    @Override public java.util.List<Policy> policies() { return gc.policies(); }
    @Override public String active() { return gc.active(); }
    @Override public java.util.Map<String, String> activeOptions() { return gc.activeOptions(); }
    @Override public String waitingFor() { return gc.waitingFor(); }
    @Override public boolean use(String name, java.util.Map<String, String> options) { return gc.use(name, options); }
    @Override public java.util.List<Ejection> ejections() { return gc.ejections(); }
    @Override public long swaps() { return gc.swaps(); }
}
