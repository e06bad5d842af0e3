package osbox.hw.cpu;

import java.util.ArrayList;
import java.util.List;
import osbox.api.hw.Cpu;
import osbox.api.hw.Hart;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;

/**
 * The RV64IMAFDC (RV64GC) + Zicsr + Zifencei user-mode CPU design, plain Java: makes
 * {@link RiscvHart}s. Harts made on the same physical memory share one
 * {@link DecodeCache}; a Cpu used by several machines (several memories)
 * keeps one cache per memory.
 */
public final class RiscvCpu implements Cpu {
    public static final String ISA = "rv64imafdc_zicsr_zifencei";
    /** Default cycles per tick of the {@code time} CSR: a 1 GHz clock and a 10 MHz timebase. */
    public static final long DEFAULT_TIME_DIVIDER = 100;

    private final byte[] opCost;
    private final long timeDivider;
    private final List<DecodeCache> caches = new ArrayList<>();

    /** A CPU charging {@code costs} per instruction, with {@code time} = cycle / timeDivider (>= 1). */
    public RiscvCpu(CostModel costs, long timeDivider) {
        if (timeDivider < 1) {
            throw new IllegalArgumentException("time divider must be >= 1: " + timeDivider);
        }
        this.opCost = costs.perOp();
        this.timeDivider = timeDivider;
    }

    /** One cycle per instruction, the default time divider. */
    public RiscvCpu() {
        this(CostModel.UNIT, DEFAULT_TIME_DIVIDER);
    }

    @Override
    public RiscvHart createHart(int id, TranslationUnit mmu, PhysicalMemory memory) {
        DecodeCache cache = cacheFor(memory);
        cache.addUnit(mmu);
        return new RiscvHart(id, mmu, cache, timeDivider);
    }

    @Override
    public String isa() {
        return ISA;
    }

    // The cache of memory (by identity), made on first use.
    private DecodeCache cacheFor(PhysicalMemory memory) {
        for (DecodeCache c : caches) {
            if (c.memory() == memory) {
                return c;
            }
        }
        DecodeCache c = new DecodeCache(memory, opCost);
        caches.add(c);
        return c;
    }

    /**
     * Detaches from every memory (removes the code-write listeners) and drops
     * all decoded pages. For a CPU being replaced; its harts must not run again.
     */
    public void close() {
        for (DecodeCache c : caches) {
            c.close();
        }
        caches.clear();
    }

    /** Whether frame {@code ppn} of {@code memory} has a decoded page now (for tests and tools). */
    public boolean isDecoded(PhysicalMemory memory, long ppn) {
        for (DecodeCache c : caches) {
            if (c.memory() == memory) {
                return c.isCached(ppn);
            }
        }
        return false;
    }
}
