/**
 * The block layer's internal contracts, shared by its three parts: the
 * request queue and I/O-scheduler slot ({@code osbox.block.queue}), the
 * driver that programs a disk's registers ({@code osbox.block.driver}) and
 * the statistics ({@code osbox.block.stats}). {@link osbox.block.Request}
 * is a queued request (one or more merged {@link osbox.api.io.BlockIo}s),
 * {@link osbox.block.DeviceDriver} what the queue asks of a driver (and
 * {@link osbox.block.DriverContext} what a driver needs of the machine), and
 * {@link osbox.block.RequestEvents} what the queue tells the statistics and
 * the trace. Not exported: the clients see {@link osbox.api.io.BlockLayer}.
 */
package osbox.block;
