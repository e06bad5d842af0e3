/**
 * The disk driver (issue 12, the driver lane): {@link osbox.block.driver.DiskDriver}
 * programs a disk's registers by DMA or PIO and completes by interrupt
 * (optionally coalesced) or polling, charging the CPU for what each costs;
 * {@link osbox.block.driver.settings.DriverSettings} is its mode, Config Admin PID
 * {@code osbox.block.driver} ({@link osbox.block.driver.DriverConfig}).
 * Kernel-internal: not exported.
 */
package osbox.block.driver;
