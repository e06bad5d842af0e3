package osbox.hw.mmu;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.Mmu;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;

/**
 * The machine's MMU design, Sv39 with a TLB shaped by configuration (PID
 * {@code osbox.hw.mmu}: {@code tlb.entries}, {@code tlb.ways},
 * {@code tlb.asids}, {@code tlb.refill}), or by the framework property
 * {@code osbox.tlb}, a {@link TlbConfig} spec ("64x4", "entries=64,ways=4,asid=off,refill=software"),
 * which wins when set: the items it names override the configured ones.
 */
@Component(service = Mmu.class, configurationPid = "osbox.hw.mmu")
@Designate(ocd = MmuComponent.Config.class)
public final class MmuComponent implements Mmu {
    /** The framework property holding a TLB spec. */
    public static final String TLB_PROPERTY = "osbox.tlb";

    @ObjectClassDefinition(name = "osbox MMU (Sv39)")
    public @interface Config {
        @AttributeDefinition(description = "TLB entries per hart: a power of two, 1 to 65536")
        int tlb_entries() default 256;

        @AttributeDefinition(description = "TLB ways per set: a power of two up to the entries "
                + "(1 = direct-mapped, entries = fully associative), LRU within a set")
        int tlb_ways() default 1;

        @AttributeDefinition(description = "true: entries are tagged with the ASID and survive address-space "
                + "switches; false: the ASID is ignored and every switch flushes the TLB")
        boolean tlb_asids() default true;

        @AttributeDefinition(description = "hardware: the MMU walks Sv39 page tables on a miss; "
                + "software: a miss traps to the kernel, which installs the entry")
        String tlb_refill() default "hardware";
    }

    private final Sv39Mmu mmu;

    /**
     * Activates with the configured TLB, overridden by the framework property
     * {@code osbox.tlb} when set; bad values fail activation with
     * IllegalArgumentException.
     */
    @Activate
    public MmuComponent(Config config, BundleContext context) {
        this(config, context == null ? null : context.getProperty(TLB_PROPERTY));
    }

    /** Activates from the configuration alone (no framework property). */
    public MmuComponent(Config config) {
        this(config, (String) null);
    }

    /** The configuration overridden by {@code spec} (a {@link TlbConfig} spec; null or blank: none). */
    MmuComponent(Config config, String spec) {
        this.mmu = new Sv39Mmu(TlbConfig.parse(spec, fromConfig(config)));
    }

    static TlbConfig fromConfig(Config c) {
        String refill = c.tlb_refill() == null ? "hardware" : c.tlb_refill().trim();
        boolean software;
        if (refill.equalsIgnoreCase("hardware") || refill.equalsIgnoreCase("hw")) {
            software = false;
        } else if (refill.equalsIgnoreCase("software") || refill.equalsIgnoreCase("sw")) {
            software = true;
        } else {
            throw new IllegalArgumentException("osbox.hw.mmu tlb.refill must be hardware or software, not '" + refill + "'");
        }
        return new TlbConfig(c.tlb_entries(), c.tlb_ways(), c.tlb_asids(), software);
    }

    /** The TLB design in use. */
    public TlbConfig config() {
        return mmu.config();
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
