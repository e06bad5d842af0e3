package osbox.hw.intc;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.InterruptController;

/** The machine's interrupt controller, sized by configuration (PID {@code osbox.hw.intc}). */
@Component(service = InterruptController.class, configurationPid = "osbox.hw.intc")
@Designate(ocd = InterruptControllerComponent.Config.class)
public final class InterruptControllerComponent implements InterruptController {

    @ObjectClassDefinition(name = "osbox interrupt controller")
    public @interface Config {
        @AttributeDefinition(description = "Number of interrupt source numbers (sources 1..sources-1 are usable; 0 means none)")
        int sources() default 64;
    }

    private final PlatformInterruptController intc;

    @Activate
    public InterruptControllerComponent(Config config) {
        this.intc = new PlatformInterruptController(config.sources());
    }

    @Override public int sourceCount() { return intc.sourceCount(); }
    @Override public int allocateSource(String deviceName) { return intc.allocateSource(deviceName); }
    @Override public void raise(int source) { intc.raise(source); }
    @Override public void setPriority(int source, int priority) { intc.setPriority(source, priority); }
    @Override public void setEnabled(int hart, int source, boolean enabled) { intc.setEnabled(hart, source, enabled); }
    @Override public void setThreshold(int hart, int threshold) { intc.setThreshold(hart, threshold); }
    @Override public int claim(int hart) { return intc.claim(hart); }
    @Override public void complete(int hart, int source) { intc.complete(hart, source); }
    @Override public void setTimerPending(int hart, boolean pending) { intc.setTimerPending(hart, pending); }
    @Override public int pendingFor(int hart) { return intc.pendingFor(hart); }
    @Override public long[] raiseCounts() { return intc.raiseCounts(); }
    @Override public String sourceName(int source) { return intc.sourceName(source); }
}
