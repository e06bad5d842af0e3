package osbox.hw.dma;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.component.annotations.Reference;
import osbox.api.hw.DmaEngine;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;

/** The machine's DMA engine (PID {@code osbox.hw.dma}): a {@link ScatterGatherDma} with this cost. */
@Component(service = DmaEngine.class, configurationPid = "osbox.hw.dma")
@Designate(ocd = DmaComponent.Config.class)
public final class DmaComponent implements DmaEngine {

    @ObjectClassDefinition(name = "osbox DMA engine")
    public @interface Config {
        @AttributeDefinition(description = "The fixed cost of a transfer (reading the list, arbitration), in ns")
        long setup_ns() default 500;

        @AttributeDefinition(description = "The engine's rate in MB/s (bytes per microsecond)")
        long bandwidth_mb_s() default 1000;
    }

    private final ScatterGatherDma engine;

    @Activate
    public DmaComponent(@Reference(name = "machine") Machine machine,
            @Reference(name = "intc") InterruptController intc, Config config) {
        this.engine = new ScatterGatherDma(machine, intc, config.setup_ns(), config.bandwidth_mb_s());
    }

    @Override
    public long transfer(long listAddress, byte[] buffer, int length, boolean toMemory, boolean interrupt,
            Completion done) {
        return engine.transfer(listAddress, buffer, length, toMemory, interrupt, done);
    }

    @Override public int interruptSource() { return engine.interruptSource(); }
    @Override public long transfers() { return engine.transfers(); }
    @Override public long bytesMoved() { return engine.bytesMoved(); }
    @Override public long busyCycles() { return engine.busyCycles(); }
}
