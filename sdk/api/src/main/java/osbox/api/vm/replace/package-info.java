/**
 * The page-replacement SPI. The VM manager is the mechanism: it owns the
 * truth (which pages are resident in which frames, their PTE reference and
 * dirty bits, the swap area) and does the work (page-out, page-in, TLB
 * shootdown). A replacement policy only decides which resident page to evict
 * when a frame is needed. It sees pages only through
 * {@link osbox.api.vm.replace.PageView} and acts only through
 * {@link osbox.api.vm.replace.ReplacementContext} (sampling and clearing
 * reference bits, as the CLOCK and aging algorithms need).
 *
 * <p>Policies come from {@link osbox.api.vm.replace.ReplacementPolicyProvider}
 * whiteboard services named by
 * {@value osbox.api.vm.replace.ReplacementPolicyProvider#NAME} (fifo, lru,
 * aging, clock, eclock, lfu, mru, random; opt in the lab), are seeded with
 * every resident page on attach, and are guarded like scheduling policies:
 * one that throws, names a page that is not resident, or keeps a process
 * from making progress (evicts the page its faulting instruction just
 * brought in, again and again, or needs too many victims for one frame) is
 * ejected and the built-in FIFO takes over. All calls come on the
 * simulation thread.
 *
 * <p>The policy is chosen through the VM manager's
 * {@link osbox.api.policy.PolicyControl} of kind
 * {@value osbox.api.vm.replace.ReplacementPolicyProvider#KIND} (Config Admin
 * PID {@value osbox.api.vm.replace.ReplacementPolicyProvider#PID}); the
 * paging counters are {@link osbox.api.memory.MemoryManager#statistics()}.
 *
 * <p>1.0: this SPI was {@code osbox.api.vm} 1.2, less {@code VmControl};
 * {@link osbox.api.vm.replace.ReplacementPolicyProvider} is a
 * {@link osbox.api.policy.PolicyProvider} and names its slot's kind and PID.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package osbox.api.vm.replace;
