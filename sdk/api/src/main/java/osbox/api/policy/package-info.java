/**
 * Choosing policies, for every kind of policy slot alike. A mechanism that
 * runs one policy of a kind at a time (the scheduler's dispatcher, the VM
 * manager's page replacement; the I/O scheduler, the cache, DSM and
 * migration later) keeps the choice in a slot: providers of that kind come
 * and go on the whiteboard, the user chooses one by name with options, the
 * mechanism seeds it with its state at the next safe point, and ejects it
 * (its built-in fallback takes over) when it misbehaves.
 *
 * <p>Each slot is one {@link osbox.api.policy.PolicyControl} service, told
 * apart by its service property {@value osbox.api.policy.PolicyControl#KIND}
 * (the kinds are declared by their SPIs:
 * {@code osbox.api.sched.SchedulingPolicyProvider#KIND} is {@code sched},
 * {@code osbox.api.vm.replace.ReplacementPolicyProvider#KIND} is
 * {@code vm.replace}). A new kind of policy is a new service of this one
 * interface, not a new interface. Every policy SPI's provider is a
 * {@link osbox.api.policy.PolicyProvider}: a description, the options with
 * their defaults, and a factory.
 *
 * <p>By convention each kind is also chosen through Config Admin (the PID its
 * SPI names, properties {@code policy} and {@code options}) and at boot by
 * the framework properties {@code PID.policy} and {@code PID.options}
 * (comma-separated key=value).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package osbox.api.policy;
