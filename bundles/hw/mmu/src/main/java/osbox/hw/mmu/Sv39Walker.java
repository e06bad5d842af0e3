package osbox.hw.mmu;

import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.Pte;

/**
 * The hardware page-table walker: translates one virtual page for one user
 * access, per the RISC-V privileged spec (section 4.3.2, Sv39 in 4.4), with
 * Svadu behaviour (the walker itself sets A, and D on a store).
 *
 * <p>Results are left in fields ({@link #ppn}, {@link #perms}) rather than
 * returned in an object, so a walk allocates nothing. Not thread-safe: one
 * walker per hart, used on the simulation thread only.
 *
 * <p>Choices where the spec leaves room, or where this model differs:
 * <ul>
 * <li>Bits 63..54 set in any PTE fault (no Svnapot, no Svpbmt).</li>
 * <li>D, A and U on a non-leaf PTE are tolerated (the spec asks software
 *     to clear them but does not make them fault).</li>
 * <li>A PTE address or a leaf frame outside physical memory (an access fault
 *     on real hardware) is reported as a fault like any other; the leaf
 *     frame is checked before A and D are written, so a failed access leaves
 *     the page table untouched.</li>
 * <li>MXR and SUM are off: user mode only, reads need R.</li>
 * </ul>
 */
final class Sv39Walker {
    /** Bare-mode permissions: everything, already dirty. */
    private static final long BARE_PERMS = Pte.RWX | Pte.U | Pte.A | Pte.D;

    private final PhysicalMemory mem;
    private final long frameCount;

    /** After a successful walk: the 4 KiB physical page number of the va's page. */
    long ppn;
    /** After a successful walk: the leaf PTE's flag bits (low 8), after A/D were set. */
    long perms;

    Sv39Walker(PhysicalMemory mem) {
        this.mem = mem;
        this.frameCount = mem.frameCount();
    }

    /**
     * Walks for {@code va} in Bare mode: identity, everything permitted,
     * fails only when the page lies outside physical memory.
     */
    boolean walkBare(long va) {
        long p = va >>> PhysicalMemory.PAGE_SHIFT;
        if (va < 0 || p >= frameCount) {
            return false;
        }
        ppn = p;
        perms = BARE_PERMS;
        return true;
    }

    /**
     * Walks the Sv39 table rooted at frame {@code rootPpn} for a user-mode
     * {@code access} (exactly one of the Access bits, which equal the PTE's
     * R, W, X bits) to {@code va}. Returns false on any page fault. On
     * success the leaf PTE has A set, and D too when access is a write.
     */
    boolean walkSv39(long rootPpn, long va, int access) {
        if (!Pte.isCanonical(va)) {
            return false;                               // bits 63..39 differ from bit 38
        }
        long table = rootPpn;
        for (int level = Pte.LEVELS - 1; level >= 0; level--) {
            long pteAddr = Pte.entryAddress(table, Pte.vpn(va, level));
            if (!mem.contains(pteAddr, Pte.SIZE)) {
                return false;
            }
            long pte = mem.load(pteAddr, Pte.SIZE);
            if ((pte & Pte.V) == 0 || (pte & (Pte.R | Pte.W)) == Pte.W || (pte & Pte.RESERVED) != 0) {
                return false;                           // invalid, reserved W-without-R, reserved bits
            }
            if ((pte & (Pte.R | Pte.X)) != 0) {
                return leaf(pteAddr, pte, level, va, access);
            }
            table = Pte.ppn(pte);                       // pointer to the next level
        }
        return false;                                   // non-leaf at level 0
    }

    // Checks a leaf found at `level` and, if the access is allowed, sets A
    // (and D on a write) and records the result. Returns false on a fault.
    private boolean leaf(long pteAddr, long pte, int level, long va, int access) {
        if ((pte & Pte.U) == 0 || (pte & access) == 0) {
            return false;                               // not a user page, or access not permitted
        }
        long levelMask = (1L << (Pte.VPN_BITS * level)) - 1;
        long leafPpn = Pte.ppn(pte);
        if ((leafPpn & levelMask) != 0) {
            return false;                               // misaligned superpage
        }
        long p = leafPpn | ((va >>> PhysicalMemory.PAGE_SHIFT) & levelMask);
        if (p >= frameCount) {
            return false;                               // frame outside memory
        }
        long updated = pte | Pte.A | (access == Pte.W ? Pte.D : 0);
        if (updated != pte) {
            mem.store(pteAddr, Pte.SIZE, updated);
        }
        ppn = p;
        perms = updated & 0xff;
        return true;
    }
}
