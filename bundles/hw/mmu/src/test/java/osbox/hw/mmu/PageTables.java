package osbox.hw.mmu;

import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;

/**
 * Test helper: builds Sv39 page tables by hand in physical memory with
 * plain stores, independently of the walker under test.
 */
final class PageTables {
    static final long V = 1, R = 2, W = 4, X = 8, U = 16, G = 32, A = 64, D = 128;
    static final int KIB4 = 0, MIB2 = 1, GIB1 = 2;

    private final PhysicalMemory mem;
    private long nextFree;
    final long root;

    /** Page tables whose frames are taken upward from {@code firstFreePpn} (zero on first use). */
    PageTables(PhysicalMemory mem, long firstFreePpn) {
        this.mem = mem;
        this.nextFree = firstFreePpn;
        this.root = alloc();
    }

    long alloc() {
        long p = nextFree++;
        mem.zeroFrame(p);
        return p;
    }

    static long vpn(long va, int level) {
        return (va >>> (12 + 9 * level)) & 0x1ff;
    }

    /** Physical address of the PTE for va at {@code level}, creating pointer PTEs above it. */
    long pteAddr(long va, int level) {
        long table = root;
        for (int l = 2; l > level; l--) {
            long addr = table * 4096 + vpn(va, l) * 8;
            long pte = mem.load(addr, 8);
            if ((pte & V) == 0) {
                pte = (alloc() << 10) | V;
                mem.store(addr, 8, pte);
            }
            table = (pte >>> 10) & ((1L << 44) - 1);
        }
        return table * 4096 + vpn(va, level) * 8;
    }

    /** Maps va to ppn with the given flag bits as a leaf at {@code level}. */
    void map(long va, long ppn, long flags, int level) {
        mem.store(pteAddr(va, level), 8, (ppn << 10) | flags);
    }

    /** Stores a raw PTE value at va's slot at {@code level}. */
    void setRaw(long va, int level, long pte) {
        mem.store(pteAddr(va, level), 8, pte);
    }

    long pte(long va, int level) {
        return mem.load(pteAddr(va, level), 8);
    }

    long satp(int asid) {
        return TranslationUnit.satp(TranslationUnit.MODE_SV39, asid, root);
    }
}
