/**
 * The block layer's DS components: {@link osbox.block.component.BlockLayerComponent}
 * (the {@link osbox.api.io.BlockLayer} service, the whiteboard of disks,
 * I/O-scheduler providers and request-event listeners, and the drivers'
 * {@link osbox.block.DriverContext}), {@link osbox.block.component.IoSchedulingControl}
 * (the io.sched slot's {@link osbox.api.policy.PolicyControl}) and
 * {@link osbox.block.component.IoSchedConfig} (Config Admin PID osbox.io.sched).
 * A package of its own, so that the contracts in {@code osbox.block} depend
 * on none of the parts built over them (no package cycle).
 */
package osbox.block.component;
