/**
 * The event trace shared by hardware and kernel: every event carries the
 * simulated cycle it happened at, and the trace keeps a running hash over
 * all events so two runs can be compared bit for bit.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package osbox.api.trace;
