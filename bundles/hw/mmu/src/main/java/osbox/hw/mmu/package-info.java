/**
 * The Sv39 MMU with its set-associative TLB ({@link osbox.hw.mmu.Sv39Mmu},
 * {@link osbox.hw.mmu.Sv39TranslationUnit}) and the TLB spec
 * ({@link osbox.hw.mmu.TlbConfig}). Exported so that the launcher can check a
 * {@code --tlb} spec with {@link osbox.hw.mmu.TlbConfig#parse} before the
 * machine boots; everything else here is reached through
 * {@link osbox.api.hw.Mmu}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package osbox.hw.mmu;
