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
 */
final class DecodeCache implements CodeWriteListener {
    private static final int LAST_SLOT = DecodedPage.SLOTS - 1;

    private final PhysicalMemory memory;
    private final byte[] opCost;
    private final List<TranslationUnit> units = new ArrayList<>();
    private final Decoded decoded = new Decoded();
    private DecodedPage[] pages;

    DecodeCache(PhysicalMemory memory, byte[] opCost) {
        this.memory = memory;
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
     * absent. Expects ppn inside memory (the MMU only maps frames that exist).
     */
    DecodedPage page(long ppn) {
        if (pages == null) {
            pages = new DecodedPage[Math.toIntExact(memory.frameCount())];
        }
        DecodedPage p = pages[(int) ppn];
        if (p == null) {
            p = new DecodedPage(ppn, memory.frame(ppn));
            memory.markCode(ppn);
            for (TranslationUnit u : units) {
                u.revokeWrite(ppn);
            }
            pages[(int) ppn] = p;
        }
        return p;
    }

    /** Stops listening to the memory and drops every page (the CPU is going away). */
    void close() {
        memory.removeCodeWriteListener(this);
        flush();
    }

    /** Whether frame {@code ppn} currently has a decoded page (for tests and statistics). */
    boolean isCached(long ppn) {
        return pages != null && pages[(int) ppn] != null;
    }

    /** Drops every decoded page (after memory was reloaded behind the listener's back). */
    void flush() {
        if (pages != null) {
            Arrays.fill(pages, null);
        }
    }

    /** Listener: frame {@code ppn} is about to change, so its decoded page is stale. */
    @Override
    public void codeFrameChanging(long ppn) {
        if (pages != null && ppn >= 0 && ppn < pages.length) {
            pages[(int) ppn] = null;
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
