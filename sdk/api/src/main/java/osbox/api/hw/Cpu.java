package osbox.api.hw;

import org.osgi.annotation.versioning.ProviderType;

/** The CPU design: makes harts. */
@ProviderType
public interface Cpu {
    /** Makes hart {@code id}, fetching and accessing memory through {@code mmu}. */
    Hart createHart(int id, TranslationUnit mmu, PhysicalMemory memory);

    /** The ISA string, e.g. "rv64imafdc_zicsr_zifencei". */
    String isa();
}
