/**
 * The event trace shared by hardware and kernel: every event carries the
 * simulated cycle it happened at, and the trace keeps a running hash over
 * all events so two runs can be compared bit for bit. Memory events (faults
 * by kind, page-ins and page-outs, resident-set samples) are described in
 * {@link osbox.api.trace.TraceKind}.
 *
 * <p>1.3: {@link osbox.api.trace.TraceKind#DEADLOCK} (issue 11).
 * 1.4: {@link osbox.api.trace.TraceKind#PRIORITY_BOOST} (issue 11).
 * 1.5: {@link osbox.api.trace.TraceKind#BLOCK_ISSUE},
 * {@link osbox.api.trace.TraceKind#BLOCK_DISPATCH} and
 * {@link osbox.api.trace.TraceKind#BLOCK_COMPLETE} (issue 12).
 */
@org.osgi.annotation.versioning.Version("1.5.0")
@org.osgi.annotation.bundle.Export
package osbox.api.trace;
