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
 * policies: one that throws, names a page that is not resident, or keeps a
 * process from making progress (evicts the page its faulting instruction just
 * brought in, again and again, or needs too many victims for one frame) is
 * ejected and the built-in FIFO takes over. All calls come on the simulation
 * thread.
 *
 * <p>1.2: {@link osbox.api.vm.ReplacementPolicy#accessSamplePeriod()} (the
 * mechanism samples the reference bits for the policy).
 */
@org.osgi.annotation.versioning.Version("1.2.0")
@org.osgi.annotation.bundle.Export
package osbox.api.vm;
