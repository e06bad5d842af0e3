package osbox.vm.manager.core;

/** How an address space tells every hart's TLB that a mapping changed. */
public interface TlbShootdown {
    /** Flushes nothing: for address spaces no hart runs (tools, tests). */
    TlbShootdown NONE = new TlbShootdown() {
        @Override
        public void flushPage(long va, int asid) {
        }

        @Override
        public void flushAsid(int asid) {
        }
    };

    /** Drops the translation of one page of one address space on every hart. */
    void flushPage(long va, int asid);

    /** Drops every translation of one address space on every hart. */
    void flushAsid(int asid);
}
