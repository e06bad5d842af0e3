package osbox.api.hw;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The MMU design of the machine: makes one {@link TranslationUnit} per hart,
 * all translating through page tables kept in the given physical memory.
 */
@ProviderType
public interface Mmu {
    /** Makes the translation unit (page walker plus TLB) of one hart. */
    TranslationUnit createUnit(int hartId, PhysicalMemory memory);

    /** A one-line description of the TLB design, for reports ("64-entry direct-mapped, ASID"). */
    String describe();
}
