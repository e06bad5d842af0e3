package osbox.vm.manager.core;

import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.Pte;

/**
 * The Sv39 radix tree (privileged spec 4.4): a root table and, on demand,
 * second- and third-level tables of 512 eight-byte entries each, one frame
 * apiece, walked by the hardware on a TLB miss. Tables are only freed with
 * the whole tree.
 */
public final class Sv39PageTable implements PageTable {
    private final VirtualMemory vm;
    private final PhysicalMemory mem;
    private final long root;
    private long pages = 1;

    private Sv39PageTable(VirtualMemory vm, long root) {
        this.vm = vm;
        this.mem = vm.memory();
        this.root = root;
    }

    /** A new tree with a zeroed root table, or null when no frame is left. */
    public static Sv39PageTable create(VirtualMemory vm) {
        long root = vm.allocateFrame();
        if (root < 0) {
            return null;
        }
        vm.memory().zeroFrame(root);
        return new Sv39PageTable(vm, root);
    }

    @Override
    public long slot(long va, boolean create) {
        long table = root;
        for (int level = Pte.LEVELS - 1; level > 0; level--) {
            long slot = Pte.entryAddress(table, Pte.vpn(va, level));
            long pte = mem.load(slot, Pte.SIZE);
            if ((pte & Pte.V) == 0) {
                if (!create) {
                    return -1;
                }
                long f = vm.allocateFrame();
                if (f < 0) {
                    return -1;
                }
                // allocating may have evicted pages: the slot itself lives in a page table, never evicted
                mem.zeroFrame(f);
                pages++;
                pte = Pte.make(f, Pte.V);
                mem.store(slot, Pte.SIZE, pte);
            } else if (Pte.isLeaf(pte)) {
                throw new IllegalStateException("superpage found in a kernel-built page table at va " + Long.toHexString(va));
            }
            table = Pte.ppn(pte);
        }
        return Pte.entryAddress(table, Pte.vpn(va, 0));
    }

    @Override
    public boolean forEachLeaf(LeafVisitor visitor) {
        return walk(visitor, root, Pte.LEVELS - 1, 0);
    }

    private boolean walk(LeafVisitor visitor, long table, int level, long vaBase) {
        for (int i = 0; i < Pte.ENTRIES; i++) {
            long slot = Pte.entryAddress(table, i);
            long pte = mem.load(slot, Pte.SIZE);
            if ((pte & Pte.V) == 0 && !(level == 0 && Pte.isSwapped(pte))) {
                continue;
            }
            long va = vaBase | ((long) i << Pte.vpnShift(level));
            if (level > 0 && !Pte.isLeaf(pte)) {
                if (!walk(visitor, Pte.ppn(pte), level - 1, va)) {
                    return false;
                }
                continue;
            }
            if (!visitor.visit(va, slot)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long pages() {
        return pages;
    }

    @Override
    public long root() {
        return root;
    }

    @Override
    public void release() {
        freeTable(root, Pte.LEVELS - 1);
        pages = 0;
    }

    private void freeTable(long table, int level) {
        if (level > 0) {
            for (int i = 0; i < Pte.ENTRIES; i++) {
                long pte = mem.load(Pte.entryAddress(table, i), Pte.SIZE);
                if ((pte & Pte.V) != 0 && !Pte.isLeaf(pte)) {
                    freeTable(Pte.ppn(pte), level - 1);
                }
            }
        }
        vm.frames().release(table);
    }

    @Override
    public Organisation organisation() {
        return Organisation.SV39;
    }
}
