package osbox.hw.mmu;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.Mmu;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TlbSpec;
import osbox.api.hw.TranslationUnit;

/**
 * The machine's MMU design, Sv39 with a TLB shaped by configuration (PID
 * {@code osbox.hw.mmu}: {@code tlb.entries}, {@code tlb.ways},
 * {@code tlb.asids}, {@code tlb.refill}), or by the framework property
 * {@code osbox.tlb}, a {@link TlbSpec} spec ("64x4", "entries=64,ways=4,asid=off,refill=software"),
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
     * {@code osbox.tlb} when set; a bad value fails activation with an
     * IllegalArgumentException of one line naming its source
     * ({@code osbox.tlb 64x3: ways must be ...}), which the launcher reports.
     */
    @Activate
    public MmuComponent(Config config, BundleContext context) {
        this(config, context == null ? null : context.getProperty(TLB_PROPERTY));
    }

    /** Activates from the configuration alone (no framework property). */
    public MmuComponent(Config config) {
        this(config, (String) null);
    }

    /** The configuration overridden by {@code spec} (a {@link TlbSpec} spec; null or blank: none). */
    MmuComponent(Config config, String spec) {
        TlbConfig base = fromConfig(config);
        try {
            this.mmu = new Sv39Mmu(TlbConfig.parse(spec, base));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TLB_PROPERTY + " " + spec.trim() + ": " + e.getMessage(), e);
        }
    }

    /** The TLB the configuration (PID osbox.hw.mmu) describes; throws naming the PID when it is not one. */
    static TlbConfig fromConfig(Config c) {
        String refill = c.tlb_refill() == null ? "hardware" : c.tlb_refill().trim();
        try {
            boolean software = TlbSpec.parse("refill=" + refill, TlbSpec.parse("entries=2,ways=2")).software();
            return new TlbConfig(c.tlb_entries(), c.tlb_ways(), c.tlb_asids(), software);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("osbox.hw.mmu: " + e.getMessage(), e);
        }
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
