package osbox.hw.cpu;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.Cpu;
import osbox.api.hw.Hart;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;

/** The CPU service: a {@link RiscvCpu} configured through PID {@code osbox.hw.cpu}. */
@Component(service = Cpu.class, configurationPid = "osbox.hw.cpu")
@Designate(ocd = CpuComponent.Config.class)
public final class CpuComponent implements Cpu {

    @ObjectClassDefinition(name = "osbox RV64IMAFDC CPU")
    public @interface Config {
        @AttributeDefinition(description = "Cycles per tick of the time CSR (clock / timebase)")
        long time_divider() default RiscvCpu.DEFAULT_TIME_DIVIDER;

        @AttributeDefinition(description = "Cycles per ALU instruction (incl. lui, auipc, shifts; FP add, compare, convert, move)")
        int cost_alu() default 1;

        @AttributeDefinition(description = "Cycles per multiply (incl. FP multiply and fused multiply-add)")
        int cost_mul() default 1;

        @AttributeDefinition(description = "Cycles per divide or remainder (incl. FP divide and square root)")
        int cost_div() default 1;

        @AttributeDefinition(description = "Cycles per load (incl. FP loads)")
        int cost_load() default 1;

        @AttributeDefinition(description = "Cycles per store (incl. FP stores)")
        int cost_store() default 1;

        @AttributeDefinition(description = "Cycles per conditional branch")
        int cost_branch() default 1;

        @AttributeDefinition(description = "Cycles per jal / jalr")
        int cost_jump() default 1;

        @AttributeDefinition(description = "Cycles per LR, SC or AMO")
        int cost_amo() default 1;

        @AttributeDefinition(description = "Cycles per CSR instruction (counters, fflags, frm, fcsr)")
        int cost_csr() default 1;

        @AttributeDefinition(description = "Cycles per fence, fence.i, ecall, ebreak")
        int cost_system() default 1;
    }

    private final RiscvCpu cpu;

    @Activate
    public CpuComponent(Config config) {
        CostModel costs = new CostModel(config.cost_alu(), config.cost_mul(), config.cost_div(), config.cost_load(),
                config.cost_store(), config.cost_branch(), config.cost_jump(), config.cost_amo(), config.cost_csr(),
                config.cost_system());
        this.cpu = new RiscvCpu(costs, config.time_divider());
    }

    /** Detaches the decode caches from the memories (the listeners would otherwise outlive the bundle). */
    @Deactivate
    void deactivate() {
        cpu.close();
    }

    @Override
    public Hart createHart(int id, TranslationUnit mmu, PhysicalMemory memory) {
        return cpu.createHart(id, mmu, memory);
    }

    @Override
    public String isa() {
        return cpu.isa();
    }
}
