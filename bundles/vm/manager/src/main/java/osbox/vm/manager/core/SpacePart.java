package osbox.vm.manager.core;

import osbox.api.hw.PhysicalMemory;

/**
 * What every part of one address space works with: the space itself (its
 * name in the paging mechanism's registry and in the trace, never called
 * back), the paging mechanism with the memory, frames and swap it manages,
 * and the space's counters. Each part adds the parts below it that it
 * needs (see {@link PagedAddressSpace}).
 */
abstract class SpacePart {
    final PagedAddressSpace space;
    final VirtualMemory vm;
    final PhysicalMemory mem;
    final FrameAllocator frames;
    final SwapArea swap;
    final SpaceCounters counters;

    /** A part of {@code space}, whose frames come from {@code vm}, counting into {@code counters}. */
    SpacePart(PagedAddressSpace space, VirtualMemory vm, SpaceCounters counters) {
        this.space = space;
        this.vm = vm;
        this.mem = vm.memory();
        this.frames = vm.frames();
        this.swap = vm.swap();
        this.counters = counters;
    }
}
