/**
 * The page-replacement SPI. The VM manager is the mechanism: it owns the
 * truth (which pages are resident in which frames, their PTE reference and
 * dirty bits, the swap area) and does the work (page-out, page-in, TLB
 * shootdown). A replacement policy only decides which resident page to evict
 * when a frame is needed. It sees pages only through {@link osbox.api.vm.PageView}
 * and acts only through {@link osbox.api.vm.ReplacementContext} (sampling and
 * clearing reference bits, as the CLOCK and aging algorithms need).
 *
 * <p>Policies come from {@link osbox.api.vm.ReplacementPolicyProvider}
 * whiteboard services named by {@value osbox.api.vm.ReplacementPolicyProvider#NAME}
 * (fifo, lru, aging, clock, eclock, lfu, mru, random; opt in the lab), are
 * seeded with every resident page on attach, and are guarded like scheduling
 * policies: one that throws or names a page that is not resident is ejected
 * and the built-in FIFO takes over. All calls come on the simulation thread.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package osbox.api.vm;
