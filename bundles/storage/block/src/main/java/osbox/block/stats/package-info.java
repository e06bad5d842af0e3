/**
 * Per-device statistics of the block layer: {@link osbox.block.stats.DeviceStatistics}
 * listens to a device's request queue ({@link osbox.block.RequestEvents}) and
 * gives its counters, latency percentiles (HdrHistogram, embedded privately)
 * and a bounded head-position timeline ({@link osbox.block.stats.Timeline}).
 * Internal to the block layer's bundle.
 */
package osbox.block.stats;
