package osbox.hw.machine;

import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.Cpu;
import osbox.api.hw.EventQueue;
import osbox.api.hw.Hart;
import osbox.api.hw.IdlePacer;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.Mmu;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TrapVector;
import osbox.api.trace.Tracer;

/**
 * The machine as a service (PID {@code osbox.hw.machine}): powers on at
 * activation, off at deactivation. The framework property
 * {@value #HARTS_PROPERTY} (the launcher's {@code --harts N}) wins over the
 * configured number of harts when set.
 */
@Component(service = Machine.class, configurationPid = "osbox.hw.machine")
@Designate(ocd = MachineComponent.Config.class)
public final class MachineComponent implements Machine {
    /** The framework property holding the number of harts (1..64). */
    public static final String HARTS_PROPERTY = "osbox.harts";

    @ObjectClassDefinition(name = "osbox machine")
    public @interface Config {
        @AttributeDefinition(description = "Number of harts (1..64)")
        int harts() default 1;

        @AttributeDefinition(description = "Clock frequency in MHz")
        long frequency_mhz() default 1000;

        @AttributeDefinition(description = "Longest stretch a hart runs between safe points, in cycles")
        long slice_cycles() default 100_000;

        @AttributeDefinition(description = "Cycles charged for each trap the kernel handles")
        long trap_cycles() default 100;

        @AttributeDefinition(description = "Trace events kept for export")
        int trace_capacity() default 262_144;
    }

    private final SimulatedMachine machine;

    /**
     * Powers on with the configured settings, the number of harts overridden
     * by the framework property {@value #HARTS_PROPERTY} when set; a bad value
     * fails activation with one line naming the property.
     */
    @Activate
    public MachineComponent(Config config, BundleContext context, @Reference PhysicalMemory memory,
            @Reference Cpu cpu, @Reference Mmu mmu, @Reference InterruptController intc) {
        this(config, context == null ? null : context.getProperty(HARTS_PROPERTY), memory, cpu, mmu, intc);
    }

    /** Powers on with {@code harts} (a decimal count; null or blank: the configured one). */
    MachineComponent(Config config, String harts, PhysicalMemory memory, Cpu cpu, Mmu mmu,
            InterruptController intc) {
        this.machine = new SimulatedMachine(new SimulatedMachine.Settings(hartCount(config, harts),
                config.frequency_mhz() * 1_000_000L, config.slice_cycles(), config.trap_cycles(),
                config.trace_capacity()), memory, cpu, mmu, intc);
        machine.start();
    }

    // The configured number of harts, or the property's when it is set; throws one line when it is not 1..64.
    static int hartCount(Config config, String property) {
        if (property == null || property.isBlank()) {
            return config.harts();
        }
        try {
            int n = Integer.parseInt(property.trim());
            if (n >= 1 && n <= 64) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException(HARTS_PROPERTY + " " + property.trim() + ": not a number of harts (1..64)");
    }

    @Deactivate
    void deactivate() {
        machine.stop();
    }

    @Override public long now() { return machine.now(); }
    @Override public long frequencyHz() { return machine.frequencyHz(); }
    @Override public int hartCount() { return machine.hartCount(); }
    @Override public Hart hart(int index) { return machine.hart(index); }
    @Override public PhysicalMemory memory() { return machine.memory(); }
    @Override public EventQueue events() { return machine.events(); }
    @Override public void setTrapVector(TrapVector vector) { machine.setTrapVector(vector); }
    @Override public void submit(Runnable task) { machine.submit(task); }
    @Override public <T> T call(Callable<T> task) throws Exception { return machine.call(task); }
    @Override public boolean onSimulationThread() { return machine.onSimulationThread(); }
    @Override public MachineStatistics statistics() { return machine.statistics(); }
    @Override public Tracer tracer() { return machine.tracer(); }
    @Override public void setRunLimit(long maxInstructions, long maxCycle, Runnable onHalt) {
        machine.setRunLimit(maxInstructions, maxCycle, onHalt);
    }
    @Override public void setIdlePacer(IdlePacer pacer) { machine.setIdlePacer(pacer); }
}
