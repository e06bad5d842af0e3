package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Pte;

/**
 * Random forks, writes, reads, munmaps and exits of processes with private
 * heap pages and one shared anonymous mapping, in a memory far smaller than
 * their pages, with swap: every read sees the value a model of Linux's
 * semantics expects (private pages copied at fork, shared pages shared),
 * and when every space is gone no frame or slot is left.
 */
class SharedPagingStressTest {
    static final long PAGE = VmFixture.PAGE;
    static final long HEAP = 0x11000;
    static final int HEAP_PAGES = 12;
    static final int SHARED_PAGES = 6;

    /** One process: its space and what it should read from each of its private pages. */
    private static final class Proc {
        final PagedAddressSpace space;
        final Map<Integer, Long> heap;
        final Map<Integer, Long>[] shared; // one model per shared object, shared by reference
        boolean sharedMapped = true;

        Proc(PagedAddressSpace space, Map<Integer, Long> heap, Map<Integer, Long>[] shared) {
            this.space = space;
            this.heap = heap;
            this.shared = shared;
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void randomForkWorkloadsKeepLinuxSemanticsUnderPaging() {
        long pageOuts = 0;
        long sharedEvictions = 0;
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            VmFixture f = new VmFixture(0, 48, 8L << 20);
            PagedAddressSpace first = f.space();
            first.loadSegment(0x10000, new byte[] {1, 2, 3}, 0, 3, 3, Pte.R | Pte.X);
            first.initHeap(0x10003);
            first.brk(HEAP + HEAP_PAGES * PAGE);
            long at = first.mapAnonymous(0, SHARED_PAGES * PAGE, Pte.R | Pte.W, false, true);
            List<Proc> procs = new ArrayList<>();
            procs.add(new Proc(first, new HashMap<>(), new Map[] {new HashMap<>()}));
            for (int step = 0; step < 400; step++) {
                Proc p = procs.get(rnd.nextInt(procs.size()));
                CopyMemory u = new CopyMemory(f.mem, p.space);
                int op = rnd.nextInt(100);
                String where = "seed " + seed + " step " + step;
                if (op < 30) {
                    int i = rnd.nextInt(HEAP_PAGES);
                    long v = rnd.nextLong();
                    assertTrue(u.writeLong(HEAP + i * PAGE, v), where);
                    p.heap.put(i, v);
                } else if (op < 50) {
                    if (!p.sharedMapped) {
                        continue;
                    }
                    int i = rnd.nextInt(SHARED_PAGES);
                    long v = rnd.nextLong();
                    assertTrue(u.writeLong(at + i * PAGE, v), where);
                    p.shared[0].put(i, v);
                } else if (op < 75) {
                    long[] got = new long[1];
                    int i = rnd.nextInt(HEAP_PAGES);
                    if (!u.readLong(HEAP + i * PAGE, got)) {
                        long pte = p.space.pte(HEAP + i * PAGE);
                        throw new AssertionError(where + ": read of heap page " + i + " failed: pte 0x"
                                + Long.toHexString(pte) + ", fault " + p.space.handleFault(HEAP + i * PAGE, osbox.api.hw.Access.READ)
                                + ", free frames " + f.frames.available() + ", resident records " + f.vm.resident().size()
                                + ", swap used " + f.vm.swap().used() + " pte after 0x" + Long.toHexString(p.space.pte(HEAP + i * PAGE)));
                    }
                    assertEquals(p.heap.getOrDefault(i, 0L), got[0], where + " heap page " + i);
                    if (p.sharedMapped) {
                        int j = rnd.nextInt(SHARED_PAGES);
                        if (!u.readLong(at + j * PAGE, got)) {
                            long pte = p.space.pte(at + j * PAGE);
                            throw new AssertionError(where + ": read of shared page " + j + " failed: pte 0x"
                                    + Long.toHexString(pte) + " region " + p.space.regionAt(at + j * PAGE) + ", fault "
                                    + p.space.handleFault(at + j * PAGE, osbox.api.hw.Access.READ)
                                    + ", free frames " + f.frames.available() + ", records " + f.vm.resident().size()
                                    + ", swap used " + f.vm.swap().used());
                        }
                        assertEquals(p.shared[0].getOrDefault(j, 0L), got[0], where + " shared page " + j);
                    }
                } else if (op < 88) {
                    if (procs.size() >= 6) {
                        continue;
                    }
                    PagedAddressSpace c = p.space.fork();
                    assertTrue(c != null, where + ": fork with swap free");
                    Proc child = new Proc(c, new HashMap<>(p.heap), p.shared);
                    child.sharedMapped = p.sharedMapped;
                    procs.add(child);
                } else if (op < 92) {
                    if (p.sharedMapped && rnd.nextBoolean()) {
                        p.space.unmap(at, SHARED_PAGES * PAGE);
                        p.sharedMapped = false;
                    }
                } else if (procs.size() > 1) {
                    p.space.destroy();
                    procs.remove(p);
                }
            }
            for (Proc p : procs) {
                p.space.destroy();
            }
            assertEquals(0, f.frames.used(), "seed " + seed + ": no frame leaks");
            assertEquals(0, f.vm.swap().used(), "seed " + seed + ": no slot leaks");
            assertEquals(0, f.vm.resident().size(), "seed " + seed);
            pageOuts += f.vm.pageOuts();
            sharedEvictions += f.vm.sharedEvictions();
        }
        assertTrue(pageOuts > 0, "it paged");
        assertTrue(sharedEvictions > 0, "shared pages were paged out");
    }
}
