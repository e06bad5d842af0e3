package osbox.hw.disk.hdd;

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
import osbox.hw.disk.DiskAttachments;

/**
 * The hard disks (PID {@code osbox.hw.disk.hdd}): every {@code --disk} with
 * model=hdd (the default), each a {@code BlockDevice} service timed by an
 * {@link HddModel} with this configuration. A new configuration re-attaches
 * them (the component is made again).
 */
@Component(immediate = true, configurationPid = "osbox.hw.disk.hdd", service = {})
@Designate(ocd = HddComponent.Config.class)
public final class HddComponent {

    @ObjectClassDefinition(name = "osbox hard disk model")
    public @interface Config {
        @AttributeDefinition(description = "Spindle speed in revolutions per minute")
        int rpm() default 7200;

        @AttributeDefinition(description = "Heads (surfaces)")
        int heads() default 4;

        @AttributeDefinition(description = "Sectors per track of each zone, outer zone first; the zones have equal"
                + " numbers of cylinders, as many as the image needs")
        String zones() default "400,340,280";

        @AttributeDefinition(description = "Settle time of every seek, in microseconds")
        long seek_settle_us() default 1000;

        @AttributeDefinition(description = "A seek across the whole disk, settle included, in microseconds")
        long seek_full_stroke_us() default 15000;

        @AttributeDefinition(description = "How the seek's distance term grows: sqrt (short seeks are"
                + " acceleration-bound) or linear")
        String seek_curve() default "sqrt";

        @AttributeDefinition(description = "An on-disk write cache: writes without FUA complete at bus speed"
                + " until FLUSH")
        boolean write_cache() default false;

        @AttributeDefinition(description = "The write cache's size in sectors")
        int cache_sectors() default 16384;

        @AttributeDefinition(description = "The interface's rate in MB/s (bytes per microsecond), for cached writes")
        long bus_mb_s() default 150;

        @AttributeDefinition(description = "Switching to another head of the same cylinder, in microseconds")
        long head_switch_us() default 1000;

        @AttributeDefinition(description = "Track skew in microseconds: how far sector 0 of the next head's track"
                + " lies behind; -1 the geometry's (the head switch time), 0 none")
        long track_skew_us() default -1;

        @AttributeDefinition(description = "Cylinder skew in microseconds, from a cylinder's last track to the next"
                + " cylinder's first; -1 the geometry's (a one-cylinder seek), 0 none")
        long cylinder_skew_us() default -1;

        @AttributeDefinition(description = "The read cache's segment in sectors: sectors just read or passing under"
                + " the head after them are read at bus speed; 0 turns it off")
        int read_ahead_sectors() default 1024;
    }

    private final DiskAttachments disks;

    @Activate
    public HddComponent(@Reference(name = "machine") Machine machine,
            @Reference(name = "intc") InterruptController intc, @Reference(name = "dma") DmaEngine dma,
            Config config, BundleContext context) {
        HddParameters parameters = parameters(config);
        this.disks = new DiskAttachments(context, DiskSpec.HDD, sectors -> new HddModel(sectors, parameters),
                machine, intc, dma);
    }

    /** The model's parameters from a configuration; IllegalArgumentException with the valid values when one is bad. */
    static HddParameters parameters(Config c) {
        boolean linear = switch (c.seek_curve()) {
            case "linear" -> true;
            case "sqrt" -> false;
            default -> throw new IllegalArgumentException("osbox.hw.disk.hdd seek_curve must be sqrt or linear, not '"
                    + c.seek_curve() + "'");
        };
        return new HddParameters(c.rpm(), c.heads(), HddParameters.zones(c.zones()), c.seek_settle_us() * 1000,
                c.seek_full_stroke_us() * 1000, linear, c.write_cache(), c.cache_sectors(), c.bus_mb_s(),
                c.head_switch_us() * 1000, skew(c.track_skew_us()), skew(c.cylinder_skew_us()),
                c.read_ahead_sectors());
    }

    /** A skew in microseconds as nanoseconds, -1 (the geometry's) kept. */
    private static long skew(long us) {
        return us < 0 ? us : us * 1000;
    }

    @Deactivate
    void deactivate() {
        disks.close();
    }
}
