package osbox.vm.manager.core;

import java.util.BitSet;

/**
 * The swap device: a block device model of {@code slots} 4 KiB slots kept in
 * host memory, with a free-slot allocator that hands out the lowest free
 * slot first (so runs repeat), counters, and a latency model: every page transferred costs
 * {@link #cycles()} cycles, which the kernel charges to the hart whose fault
 * or system call caused the transfer (the process waits for its disk, as a
 * synchronous page-in would). A size of 0 is "no swap": nothing can be paged out.
 *
 * <p>Host memory follows the slots used, not the area's size: each slot's
 * bytes are allocated when first written (and kept for its next use), the
 * slots' pages and reference counts are a {@link SparseTable}, and the
 * in-use bitmap grows to the highest slot used. Since the lowest free slot
 * goes first, that is the peak number of slots in use.
 */
public final class SwapArea {
    public static final int PAGE = (int) PagedAddressSpace.PAGE;

    private int slots;
    private final long cycles;
    /**
     * Each slot's page (made when first written) and, as its count, the
     * references to it while in use: the PTEs pointing at it (a shared page
     * evicted once for all its mappers).
     */
    private SparseTable<byte[]> table;
    private final BitSet used = new BitSet();
    /** Slots with a disk I/O in flight (see {@link SwapIo}): not handed out again until it completes. */
    private final BitSet busy = new BitSet();
    private int inUse;
    private long peak;
    private long writes;
    private long reads;

    /** A swap area of {@code bytes} (rounded down to whole pages); each transfer costs {@code cycles}. */
    public SwapArea(long bytes, long cycles) {
        if (bytes < 0 || bytes / PAGE > Integer.MAX_VALUE - 1 || cycles < 0) {
            throw new IllegalArgumentException("bad swap area: " + bytes + " bytes, " + cycles + " cycles a page");
        }
        this.slots = (int) (bytes / PAGE);
        this.cycles = cycles;
        this.table = new SparseTable<>(slots);
    }

    /**
     * Gives the area {@code newSlots} slots (a swap disk attached at boot:
     * the area is the disk's size); only while no slot is in use or busy
     * (IllegalStateException otherwise).
     */
    void resize(long newSlots) {
        if (inUse != 0 || !busy.isEmpty()) {
            throw new IllegalStateException("swap area resized with " + inUse + " slots in use");
        }
        if (newSlots < 0 || newSlots > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("bad swap area: " + newSlots + " slots");
        }
        this.slots = (int) newSlots;
        this.table = new SparseTable<>(slots);
    }

    /** No swap. */
    public static SwapArea none() {
        return new SwapArea(0, 0);
    }

    /** Writes a page to the lowest free slot; returns the slot, or -1 when the area is full. */
    public long pageOut(byte[] page) {
        if (page.length != PAGE) {
            throw new IllegalArgumentException("a page is " + PAGE + " bytes, not " + page.length);
        }
        int s = used.nextClearBit(0);
        while (busy.get(s)) {
            s = used.nextClearBit(s + 1);
        }
        if (s >= slots) {
            return -1;
        }
        used.set(s);
        table.setCount(s, 1);
        inUse++;
        peak = Math.max(peak, inUse);
        byte[] slotPage = table.get(s);
        if (slotPage == null) {
            slotPage = new byte[PAGE];
            table.set(s, slotPage);
        }
        System.arraycopy(page, 0, slotPage, 0, PAGE);
        writes++;
        return s;
    }

    /** Reads slot's page into dst (the slot stays allocated: {@link #free} it when done). */
    public void pageIn(long slot, byte[] dst) {
        int s = check(slot);
        System.arraycopy(table.get(s), 0, dst, 0, PAGE);
        reads++;
    }

    /**
     * Adds a reference to a slot in use: one more PTE points at it (a page
     * shared by several address spaces, evicted once for all of them).
     */
    public void share(long slot) {
        int s = check(slot);
        table.setCount(s, table.count(s) + 1);
    }

    /** References to a slot (0 when free). */
    public int references(long slot) {
        return inUse(slot) ? table.count(slot) : 0;
    }

    /** Drops one reference to a slot; the slot is free with the last. Throws on a slot that is not in use. */
    public void free(long slot) {
        int s = check(slot);
        int n = table.count(s) - 1;
        table.setCount(s, n);
        if (n > 0) {
            return;
        }
        used.clear(s);
        inUse--;
    }

    /**
     * Marks a slot busy while a disk I/O on it is in flight (true) or done
     * (false): a busy slot is not handed out again, even when freed, so a
     * late completion never meets another page's data in its sectors.
     */
    void setBusy(long slot, boolean b) {
        busy.set(Math.toIntExact(slot), b);
    }

    private int check(long slot) {
        if (slot < 0 || slot >= slots || !used.get((int) slot)) {
            throw new IllegalStateException("swap slot " + slot + " is not in use");
        }
        return (int) slot;
    }

    /** Whether slot holds a page. */
    public boolean inUse(long slot) {
        return slot >= 0 && slot < slots && used.get((int) slot);
    }

    /** Chunks of the slot table made so far (host memory: 16 KiB each, besides the pages). */
    int chunksAllocated() {
        return table.chunksAllocated();
    }

    public long slots() {
        return slots;
    }

    public long used() {
        return inUse;
    }

    public long available() {
        if (busy.isEmpty()) {
            return slots - inUse;
        }
        BitSet taken = (BitSet) used.clone();
        taken.or(busy);
        return Math.max(0, slots - taken.cardinality());
    }

    public long peakUsed() {
        return peak;
    }

    /** Pages written (page-outs and fork copies). */
    public long writes() {
        return writes;
    }

    /** Pages read (page-ins). */
    public long reads() {
        return reads;
    }

    /** Cycles one page transfer costs. */
    public long cycles() {
        return cycles;
    }
}
