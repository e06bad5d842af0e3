/**
 * The one option parser of osbox: policy options as users write them
 * ({@code key=value} items, from the shell, the launcher, Config Admin and
 * framework properties), their validation against a policy's defaults with
 * one error format, and sizes ({@code 64M}, {@code 1G}). See
 * {@link osbox.policy.support.options.Options}.
 *
 * <p>Meant to be embedded, like the rest of this library: the kernel, the VM
 * manager, the launcher, the shell and every policy bundle copy the package
 * into their own jar (bnd {@code -conditionalpackage}), so none imports it at
 * run time.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package osbox.policy.support.options;
