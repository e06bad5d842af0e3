/**
 * Workloads and run reports: a YAML workload file ({@link osbox.workload.Workload#load})
 * lists processes with arrival times and scheduling attributes, scripted
 * policy swaps and machine settings; {@link osbox.workload.WorkloadRunner#run}
 * runs it on a machine through the API services and returns a
 * {@link osbox.workload.RunReport}, which renders as a text table, JSON, a
 * Chrome/Perfetto trace, a terminal Gantt chart and an SVG Gantt chart,
 * with per-process memory figures (faults by kind, paging, resident set, TLB)
 * and an SVG of the resident sets and faults over time. A single program is
 * read with {@link osbox.workload.HostProgram} and run to its end with
 * {@link osbox.workload.ProgramRunner}, the one runner of the launcher and
 * the shell.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package osbox.workload;
