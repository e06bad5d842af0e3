/**
 * Kernel-side building blocks shared by the mechanisms that hold policies
 * (kernel-core's dispatcher, the VM manager; the I/O scheduler, DSM and the
 * others to come): {@link osbox.kernel.support.PolicySlot}, the generic place
 * where one policy of a kind is active (selection, seeding, ejection,
 * fallback); {@link osbox.kernel.support.SlotControl}, the
 * {@link osbox.api.policy.PolicyControl} service over a slot; and
 * {@link osbox.kernel.support.PolicyConfig}, applying a policy chosen by
 * Config Admin or framework properties. Options are parsed by
 * {@link osbox.policy.support.options.Options}. And the one way services of
 * other bundles are plugged into a mechanism:
 * {@link osbox.kernel.support.Whiteboard}, a mechanism's table of
 * {@link osbox.kernel.support.WhiteboardKind}s (service interface, naming
 * property, bind and unbind at a safe point), fed by
 * {@link osbox.kernel.support.WhiteboardTracker} in the framework and by the
 * harness without it.
 *
 * <p>Meant to be embedded, not imported: each bundle builds against this
 * library and copies the package (with {@code osbox.policy.support.options})
 * into its own jar privately (bnd {@code -conditionalpackage} and
 * {@code -privatepackage}), so no bundle exports it and no state is shared
 * between bundles.
 */
package osbox.kernel.support;
