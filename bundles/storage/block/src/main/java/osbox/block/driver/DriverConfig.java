package osbox.block.driver;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.block.driver.settings.DriverSettings;

/**
 * Config Admin PID {@value #PID}: the disk drivers' modes. The block
 * layer's component takes this PID beside its own and hands its
 * properties to {@link DriverSettings#fromProperties} for each device; a
 * change takes effect from each device's next request. The launcher's
 * {@code --io-mode DEV=MODE} sets the framework property
 * {@value DriverSettings#LAUNCH_PROPERTY} (read after {@code modes}); the shell's
 * {@code io:mode DEV MODE...} updates {@code modes}.
 */
@ObjectClassDefinition(pid = DriverConfig.PID, name = "osbox disk drivers",
        description = "How each disk's driver moves data (dma|pio) and learns of completions (interrupt|poll),"
                + " with coalescing and CPU costs")
public @interface DriverConfig {
    /** The PID. */
    String PID = "osbox.block.driver";

    @AttributeDefinition(description = "Every device's mode: dma|pio, interrupt|poll, and name=value for"
            + " coalesce_count, coalesce_cycles, pio_cycles_per_word, interrupt_cycles, poll_interval")
    String defaults() default "dma,interrupt";

    @AttributeDefinition(description = "Per device, over the defaults: DEV=MODE[,MODE...], e.g. vda=pio,poll")
    String[] modes() default {};
}
