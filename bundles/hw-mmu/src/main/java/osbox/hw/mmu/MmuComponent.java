package osbox.hw.mmu;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.Mmu;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;

/** The machine's MMU design, Sv39 with a TLB sized by configuration (PID {@code osbox.hw.mmu}). */
@Component(service = Mmu.class, configurationPid = "osbox.hw.mmu")
@Designate(ocd = MmuComponent.Config.class)
public final class MmuComponent implements Mmu {

    @ObjectClassDefinition(name = "osbox MMU (Sv39)")
    public @interface Config {
        @AttributeDefinition(description = "TLB entries per hart: a power of two, 1 to 65536")
        int tlb_entries() default 256;
    }

    private final Sv39Mmu mmu;

    /** Activates with the configured TLB size; a bad size fails activation with IllegalArgumentException. */
    @Activate
    public MmuComponent(Config config) {
        this.mmu = new Sv39Mmu(config.tlb_entries());
    }

    @Override
    public TranslationUnit createUnit(int hartId, PhysicalMemory memory) {
        return mmu.createUnit(hartId, memory);
    }

    @Override
    public String describe() {
        return mmu.describe();
    }
}
