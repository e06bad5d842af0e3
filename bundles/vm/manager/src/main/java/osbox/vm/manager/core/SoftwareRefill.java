package osbox.vm.manager.core;

import osbox.api.hw.Access;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.Pte;
import osbox.api.hw.TranslationUnit;
import osbox.api.memory.AddressSpace;

/**
 * The kernel's TLB refill for a software-managed TLB (causes 24-26): the
 * MIPS-style miss handler. The faulting page is looked up in the space's
 * own page table (whatever its organisation: a {@link HashedPageTable} when
 * the VM manager chose it at boot). When the PTE word is valid and permits
 * the access, A (and D for a write) is set in the word, as the hardware
 * walker would, and the translation is installed in the faulting hart's TLB
 * with write permission only if the page is dirty: a clean writable page is
 * installed read-only, so its first store traps again (a STORE_TLB_MISS,
 * MIPS's "TLB modified") and sets D then. Otherwise the miss is a page
 * fault: it is served as one ({@link PagedAddressSpace#handleFault}: demand
 * zero, image fill, copy-on-write, swap-in) and the page installed
 * afterwards, or the fault's verdict (SEGV, OOM) is returned.
 */
final class SoftwareRefill {
    private SoftwareRefill() {
    }

    /**
     * Refills {@code mmu} for a miss on va for access (an {@link Access}
     * kind) in space: {@link AddressSpace#REFILLED} when the table had the
     * page, {@link AddressSpace#SERVED} when a fault was served and the page
     * then installed, else SEGV or OOM from the fault. The hart then retries
     * the instruction (pc unchanged).
     */
    static int refill(PagedAddressSpace space, TranslationUnit mmu, long va, int access) {
        long page = va & -AddressSpace.PAGE;
        boolean inUserHalf = va >= 0 && va < AddressSpace.STACK_TOP;
        int result = AddressSpace.REFILLED;
        for (int attempt = 0; attempt < 2; attempt++) {
            if (inUserHalf && install(space, mmu, page, access)) {
                if (result == AddressSpace.REFILLED) {
                    space.countRefill();
                }
                return result;
            }
            if (attempt == 1) {
                break;
            }
            int r = space.handleFault(va, access);
            if (r != AddressSpace.SERVED) {
                return r;
            }
            result = AddressSpace.SERVED;
        }
        // served, yet the table still does not permit it (cannot happen): let the hart retry and trap again
        return result;
    }

    // Installs page from the table if its PTE word is valid and permits access; false otherwise.
    private static boolean install(PagedAddressSpace space, TranslationUnit mmu, long page, int access) {
        long slot = space.pageTable().slot(page, false);
        if (slot < 0) {
            return false;
        }
        PhysicalMemory mem = space.vm().memory();
        long pte = mem.load(slot, 8);
        if ((pte & Pte.V) == 0 || (pte & Pte.U) == 0 || !PageMappings.permits(pte, access)) {
            return false;
        }
        long flags = Pte.A | (access == Access.WRITE ? Pte.D : 0);
        if ((pte & flags) != flags) {
            pte |= flags;
            mem.store(slot, 8, pte);
        }
        long ppn = Pte.ppn(pte);
        // like the hardware walker, only the A bit tells the replacement policy (no vm.accessed call)
        boolean write = (pte & Pte.W) != 0 && (pte & Pte.D) != 0;
        mmu.install(page, space.asid(), ppn, (pte & Pte.R) != 0, write, (pte & Pte.X) != 0);
        return true;
    }
}
