/**
 * Kernel-side building blocks shared by kernel bundles (kernel-core, the VM
 * manager): {@link osbox.kernel.support.PolicySlot}, the generic place where
 * one policy of a kind is active (selection, seeding, ejection, fallback), and
 * {@link osbox.kernel.support.Options}, parsing of key=value options and sizes.
 *
 * <p>Meant to be embedded, not imported: each bundle builds against this
 * library and copies the package into its own jar privately (bnd
 * {@code -conditionalpackage} and {@code -privatepackage}), so no bundle
 * exports it and no state is shared between bundles.
 */
package osbox.kernel.support;
