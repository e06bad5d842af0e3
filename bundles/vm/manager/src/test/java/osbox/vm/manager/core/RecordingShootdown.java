package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.List;

/** Remembers every flush it is told about. */
final class RecordingShootdown implements TlbShootdown {
    record Page(long va, int asid) {
    }

    final List<Page> pages = new ArrayList<>();
    final List<Integer> asids = new ArrayList<>();

    @Override
    public void flushPage(long va, int asid) {
        pages.add(new Page(va, asid));
    }

    @Override
    public void flushAsid(int asid) {
        asids.add(asid);
    }

    List<Long> pageAddresses() {
        return pages.stream().map(Page::va).toList();
    }
}
