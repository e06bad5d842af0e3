package osbox.vm.manager.core;

/** How an address space tells every hart's TLB that a mapping changed. */
public interface TlbShootdown {
    /** Drops the translation of one page of one address space on every hart. */
    void flushPage(long va, int asid);

    /** Drops every translation of one address space on every hart. */
    void flushAsid(int asid);
}
