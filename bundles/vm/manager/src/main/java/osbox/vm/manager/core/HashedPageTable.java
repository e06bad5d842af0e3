package osbox.vm.manager.core;

import java.util.Arrays;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.Pte;

/**
 * A hashed page table in simulated physical memory, one per address space,
 * for a software-managed TLB: the kernel looks the faulting page up here on
 * a TLB miss and installs the translation it finds. Nothing in the hardware
 * reads it.
 *
 * <p>Layout. Two kinds of frames, both from the VM's frame allocator (and
 * counted as the space's table pages):
 * <ul>
 * <li><b>bucket frames</b>: an array of {@code B} eight-byte chain heads (512
 * per frame; B is a power of two, 512 at first). A head is an entry number
 * plus one, 0 for an empty chain.</li>
 * <li><b>entry frames</b>: 32-byte entries, 128 per frame, numbered in
 * allocation order. Entry: {@code +0} tag = {@code 1<<63 | asid<<27 | vpn}
 * (0: free), {@code +8} the PTE word in Sv39 leaf format (what
 * {@link #slot} returns the address of), {@code +16} the next entry in the
 * chain (number plus one, 0 ends it), {@code +24} reserved (0).</li>
 * </ul>
 * The bucket of a page is the top {@code log2 B} bits of
 * {@code (vpn ^ asid<<27) * 0x9E3779B97F4A7C15} (Fibonacci hashing:
 * deterministic, spreads consecutive pages over the table). Collisions chain;
 * a new entry goes to the head of its chain.
 *
 * <p>Growth and load factor. When the entries on chains exceed the buckets
 * (load factor 1) the bucket array doubles (new frames; the heads are
 * rebuilt by walking the entries in number order). Entries never move, so a
 * PTE word's address stays valid for the life of the table. A page that is
 * unmapped leaves its entry on the chain with PTE word 0 (absent); such dead
 * entries are reused by the next insertion into the same chain and
 * reclaimed to a free list when the buckets are rebuilt. At load factor
 * {@code a} a lookup reads on average about {@code 1 + a/2} entries when
 * the page is present and {@code a} when it is absent, plus the head word;
 * the table needs {@code ceil(n/128)} entry frames and about
 * {@code n/512} bucket frames for n pages, against at least three frames
 * (and one leaf table per 2 MiB touched) for Sv39.
 */
public final class HashedPageTable implements PageTable {
    /** Bytes per entry. */
    static final int ENTRY = 32;
    /** Entries per frame. */
    static final int PER_FRAME = 4096 / ENTRY;
    /** Chain heads per bucket frame. */
    static final int HEADS_PER_FRAME = 512;
    private static final long USED = 1L << 63;
    /** The VPN of an Sv39 address: bits 38..12, 27 bits. */
    private static final long VPN_MASK = (1L << (Pte.VA_BITS - PhysicalMemory.PAGE_SHIFT)) - 1;

    private final VirtualMemory vm;
    private final PhysicalMemory mem;
    private final int asid;
    private long[] bucketFrames;
    private int bucketBits;
    private long[] entryFrames = new long[0];
    /** Entries handed out so far (numbers 0..used-1). */
    private int used;
    /** Entries on chains (live or dead). */
    private int chained;
    /** Free list head (entry number plus one; linked through the next field). */
    private int freeHead;
    private long lookups;
    private long probes;

    private HashedPageTable(VirtualMemory vm, int asid, long firstBucketFrame) {
        this.vm = vm;
        this.mem = vm.memory();
        this.asid = asid;
        this.bucketFrames = new long[] {firstBucketFrame};
        this.bucketBits = 9;
    }

    /** A new, empty table (one zeroed bucket frame), or null when no frame is left. */
    public static HashedPageTable create(VirtualMemory vm, int asid) {
        long f = vm.allocateFrame();
        if (f < 0) {
            return null;
        }
        vm.memory().zeroFrame(f);
        return new HashedPageTable(vm, asid, f);
    }

    /** The tag of page va in this table. */
    long tag(long va) {
        return USED | ((long) asid << 27) | ((va >>> 12) & VPN_MASK);
    }

    /** The bucket of a tag (see the class comment). */
    int bucket(long tag) {
        long key = tag & ~USED; // asid<<27 | vpn: vpn ^ asid<<27, the fields do not overlap
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - bucketBits));
    }

    private long headAddress(int bucket) {
        return (bucketFrames[bucket >>> 9] << 12) + 8L * (bucket & (HEADS_PER_FRAME - 1));
    }

    /** Physical address of entry number n. */
    private long entryAddress(int n) {
        return (entryFrames[n / PER_FRAME] << 12) + (long) ENTRY * (n % PER_FRAME);
    }

    @Override
    public long slot(long va, boolean create) {
        long tag = tag(va);
        lookups++;
        int bucket = bucket(tag);
        long dead = -1;
        for (int link = (int) mem.load(headAddress(bucket), 8); link != 0;) {
            long e = entryAddress(link - 1);
            probes++;
            long t = mem.load(e, 8);
            if (t == tag) {
                return e + 8;
            }
            if (dead < 0 && mem.load(e + 8, 8) == 0) {
                dead = e;
            }
            link = (int) mem.load(e + 16, 8);
        }
        if (!create) {
            return -1;
        }
        if (dead >= 0) {
            // reuse an unmapped page's entry on the same chain
            mem.store(dead, 8, tag);
            return dead + 8;
        }
        if (chained + 1 > buckets()) {
            grow(); // best effort: without frames the chains just get longer
        }
        int n = newEntry();
        if (n < 0) {
            return -1;
        }
        bucket = bucket(tag);
        long e = entryAddress(n);
        long head = headAddress(bucket);
        mem.store(e, 8, tag);
        mem.store(e + 8, 8, 0);
        mem.store(e + 16, 8, mem.load(head, 8));
        mem.store(e + 24, 8, 0);
        mem.store(head, 8, n + 1);
        chained++;
        return e + 8;
    }

    // A free entry's number (from the free list, or a new one, with a new frame every PER_FRAME), -1 when out of frames.
    private int newEntry() {
        if (freeHead != 0) {
            int n = freeHead - 1;
            freeHead = (int) mem.load(entryAddress(n) + 16, 8);
            return n;
        }
        if (used == entryFrames.length * PER_FRAME) {
            long f = vm.allocateFrame();
            if (f < 0) {
                return -1;
            }
            mem.zeroFrame(f);
            entryFrames = Arrays.copyOf(entryFrames, entryFrames.length + 1);
            entryFrames[entryFrames.length - 1] = f;
        }
        return used++;
    }

    // Doubles the bucket array and rebuilds the chains; dead entries go to the free list.
    private void grow() {
        int oldFrames = bucketFrames.length;
        long[] added = new long[oldFrames];
        for (int i = 0; i < oldFrames; i++) {
            long f = vm.allocateFrame();
            if (f < 0) {
                for (int j = 0; j < i; j++) {
                    vm.frames().release(added[j]);
                }
                return;
            }
            added[i] = f;
        }
        // allocating may have evicted pages of this space: that only rewrites PTE words, never the chains
        long[] frames = Arrays.copyOf(bucketFrames, oldFrames * 2);
        System.arraycopy(added, 0, frames, oldFrames, oldFrames);
        bucketFrames = frames;
        bucketBits++;
        rebuild();
    }

    // Empties every chain and re-links the entries in number order; dead and free entries form the free list.
    private void rebuild() {
        for (long f : bucketFrames) {
            mem.zeroFrame(f);
        }
        freeHead = 0;
        chained = 0;
        for (int n = used - 1; n >= 0; n--) {
            long e = entryAddress(n);
            long t = mem.load(e, 8);
            if (t != 0 && mem.load(e + 8, 8) == 0) {
                mem.store(e, 8, 0);
                t = 0;
            }
            if (t == 0) {
                mem.store(e + 16, 8, freeHead);
                freeHead = n + 1;
                continue;
            }
            long head = headAddress(bucket(t));
            mem.store(e + 16, 8, mem.load(head, 8));
            mem.store(head, 8, n + 1);
            chained++;
        }
    }

    @Override
    public boolean forEachLeaf(LeafVisitor visitor) {
        for (int n = 0; n < used; n++) {
            long e = entryAddress(n);
            long t = mem.load(e, 8);
            if (t == 0) {
                continue;
            }
            long pte = mem.load(e + 8, 8);
            if ((pte & Pte.V) == 0 && !Pte.isSwapped(pte)) {
                continue;
            }
            long va = Pte.canonical((t & VPN_MASK) << PhysicalMemory.PAGE_SHIFT);
            if (!visitor.visit(va, e + 8)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long pages() {
        return bucketFrames.length + entryFrames.length;
    }

    @Override
    public long root() {
        return bucketFrames[0];
    }

    @Override
    public void release() {
        for (long f : bucketFrames) {
            vm.frames().release(f);
        }
        for (long f : entryFrames) {
            vm.frames().release(f);
        }
        bucketFrames = new long[0];
        entryFrames = new long[0];
        used = 0;
        chained = 0;
        freeHead = 0;
    }

    @Override
    public Organisation organisation() {
        return Organisation.HASHED;
    }

    /** Chain heads (a power of two). */
    public int buckets() {
        return bucketFrames.length * HEADS_PER_FRAME;
    }

    /** Entries on chains, live or dead (unmapped pages' entries not yet reclaimed). */
    public int entries() {
        return chained;
    }

    /** Lookups so far ({@link #slot} calls). */
    public long lookups() {
        return lookups;
    }

    /** Entries read by lookups so far (probes / lookups = average chain walk). */
    public long probes() {
        return probes;
    }
}
