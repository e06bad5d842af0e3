package osbox.api.memory;

/**
 * Physical frames (4 KiB) at one moment.
 *
 * @param total     frames of physical memory
 * @param used      frames in use (user pages and page tables)
 * @param available frames free now
 * @param peakUsed  the most frames ever in use at once
 */
public record FrameUsage(long total, long used, long available, long peakUsed) {
}
