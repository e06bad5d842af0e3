package osbox.api.memory;

/**
 * How many pages of one region are in frames and in swap now, for reports
 * ({@link AddressSpace#regionUsage}); pages never touched count in neither.
 *
 * @param region   the region
 * @param resident its pages present in a frame (V set in their PTE)
 * @param swapped  its pages in swap (their PTE keeps the slot); -1 for both when not known
 * @since 1.2
 */
public record RegionUsage(MemoryRegion region, long resident, long swapped) {
}
