package osbox.hw.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import osbox.api.hw.CodeWriteListener;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;

/**
 * The decoded pages of one physical memory, shared by every hart of one
 * {@link RiscvCpu} that runs on that memory. Indexed by physical page
 * number; a page is made on first execution: the frame is then marked as
 * code and every hart's TLB loses write permission to it, so the next store
 * to it refills, which tells this cache (through the memory's
 * {@link CodeWriteListener}) to drop the page. Single-threaded, like the
 * whole machine.
 *
 * <p>The pages live where the memory's frames do: up to {@value #FLAT_FRAMES}
 * frames (1 GiB) in one flat array, above that in a two-level table, a
 * directory with one entry per chunk of {@value #CHUNK} frames and a chunk
 * made when code first runs in one of its frames. So a 4 TiB memory costs a
 * 1 MiB directory here, not an array of 2^30 references, and a small one
 * keeps the one-load lookup.
 */
final class DecodeCache implements CodeWriteListener {
    private static final int LAST_SLOT = DecodedPage.SLOTS - 1;
    /** Memories of at most this many frames keep their pages in one flat array. */
    static final int FLAT_FRAMES = 1 << 18;
    /** Frames in one chunk of the table. */
    static final int CHUNK = 1 << 12;
    private static final int CHUNK_SHIFT = 12;
    private static final int CHUNK_MASK = CHUNK - 1;

    private final PhysicalMemory memory;
    private final long frameCount;
    private final byte[] opCost;
    private final List<TranslationUnit> units = new ArrayList<>();
    private final Decoded decoded = new Decoded();
    /** Every frame's page, when the memory has at most FLAT_FRAMES frames; made on first use. */
    private DecodedPage[] flat;
    /** Otherwise: chunk i holds the pages of frames i*CHUNK ..; the directory is made on first use. */
    private DecodedPage[][] pages;
    private int chunksMade;

    DecodeCache(PhysicalMemory memory, byte[] opCost) {
        this.memory = memory;
        this.frameCount = memory.frameCount();
        this.opCost = opCost;
        memory.addCodeWriteListener(this);
    }

    PhysicalMemory memory() {
        return memory;
    }

    /** Adds a hart's TLB: it too loses write permission to frames that become code. */
    void addUnit(TranslationUnit unit) {
        units.add(unit);
    }

    /**
     * The decoded page of frame {@code ppn}, made (empty, decoded lazily) if
     * absent. Expects ppn inside memory (the MMU only maps frames that
     * exist); throws IllegalArgumentException otherwise.
     */
    DecodedPage page(long ppn) {
        if (ppn < 0 || ppn >= frameCount) {
            throw new IllegalArgumentException("physical page " + ppn + " outside memory of " + frameCount + " frames");
        }
        if (flat != null) {
            DecodedPage p = flat[(int) ppn];
            if (p != null) {
                return p;
            }
        } else if (pages != null) {
            DecodedPage[] chunk = pages[(int) (ppn >>> CHUNK_SHIFT)];
            if (chunk != null) {
                DecodedPage p = chunk[(int) ppn & CHUNK_MASK];
                if (p != null) {
                    return p;
                }
            }
        }
        return make(ppn);
    }

    // Decodes nothing yet: makes frame ppn's empty page (and the directory
    // or its chunk if need be), marks the frame as code and revokes write.
    private DecodedPage make(long ppn) {
        DecodedPage p = new DecodedPage(ppn, memory.frame(ppn));
        memory.markCode(ppn);
        for (TranslationUnit u : units) {
            u.revokeWrite(ppn);
        }
        if (frameCount <= FLAT_FRAMES) {
            if (flat == null) {
                flat = new DecodedPage[(int) frameCount];
            }
            flat[(int) ppn] = p;
            return p;
        }
        if (pages == null) {
            pages = new DecodedPage[Math.toIntExact((frameCount + CHUNK_MASK) >>> CHUNK_SHIFT)][];
        }
        int c = (int) (ppn >>> CHUNK_SHIFT);
        if (pages[c] == null) {
            pages[c] = new DecodedPage[CHUNK];
            chunksMade++;
        }
        pages[c][(int) ppn & CHUNK_MASK] = p;
        return p;
    }

    /** Stops listening to the memory and drops every page (the CPU is going away). */
    void close() {
        memory.removeCodeWriteListener(this);
        flush();
    }

    /** Whether frame {@code ppn} currently has a decoded page (for tests and statistics). */
    boolean isCached(long ppn) {
        if (ppn < 0 || ppn >= frameCount) {
            return false;
        }
        if (flat != null) {
            return flat[(int) ppn] != null;
        }
        DecodedPage[] chunk = pages == null ? null : pages[(int) (ppn >>> CHUNK_SHIFT)];
        return chunk != null && chunk[(int) ppn & CHUNK_MASK] != null;
    }

    /** Chunks of the page table made so far (for tests: host memory follows the code run). */
    int chunksAllocated() {
        return chunksMade;
    }

    /** Drops every decoded page (after memory was reloaded behind the listener's back); keeps the chunks. */
    void flush() {
        if (flat != null) {
            Arrays.fill(flat, null);
        }
        if (pages != null) {
            for (DecodedPage[] chunk : pages) {
                if (chunk != null) {
                    Arrays.fill(chunk, null);
                }
            }
        }
    }

    /** Listener: frame {@code ppn} is about to change, so its decoded page is stale. */
    @Override
    public void codeFrameChanging(long ppn) {
        if (ppn < 0 || ppn >= frameCount) {
            return;
        }
        if (flat != null) {
            flat[(int) ppn] = null;
        } else if (pages != null) {
            DecodedPage[] chunk = pages[(int) (ppn >>> CHUNK_SHIFT)];
            if (chunk != null) {
                chunk[(int) ppn & CHUNK_MASK] = null;
            }
        }
    }

    /**
     * Decodes the instruction starting at halfword {@code slot} of {@code p}
     * from the frame's current bytes. A 32-bit instruction in the last slot
     * crosses into the next page and becomes {@link Ops#CROSS}.
     */
    void decodeSlot(DecodedPage p, int slot) {
        int off = slot << 1;
        int low = (short) Le.U16.get(p.frame, off) & 0xffff;
        if ((low & 3) != 3) {
            CompressedDecoder.decode(low, decoded);
        } else if (slot == LAST_SLOT) {
            decoded.set(Ops.CROSS, 0, 0, 0, 0, 4);
        } else {
            Decoder.decode((int) Le.U32.get(p.frame, off), decoded);
        }
        store(p, slot, decoded);
    }

    /** Decodes the 32-bit instruction {@code inst} into slot {@code slot} of {@code p} (the scratch page). */
    void decodeInto(DecodedPage p, int slot, int inst) {
        Decoder.decode(inst, decoded);
        store(p, slot, decoded);
    }

    // Stores one decoded instruction, applying the x0 rule: an op whose rd
    // is x0 runs as its x0 form (NOP, LOAD_X0, J, JR). The cost is the
    // original op's, so a HINT costs what its base instruction costs.
    private void store(DecodedPage p, int slot, Decoded d) {
        int op = d.op;
        int rs2 = d.rs2;
        int cost = opCost[op];
        if (d.rd == 0) {
            int x0 = Ops.x0Form(op);
            if (x0 == Ops.LOAD_X0) {
                rs2 = Ops.loadSize(op);
            }
            op = x0;
        }
        p.set(slot, op, d.rd, d.rs1, rs2, d.imm, d.len, cost);
    }
}
