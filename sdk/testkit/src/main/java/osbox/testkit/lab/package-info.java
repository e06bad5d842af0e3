/**
 * The policy lab: runs any scheduling policy over an abstract job list on
 * one hart, without booting the machine, calling it as the kernel mechanism
 * does, and reports per-job response, turnaround and wait. Accepts OSTEP's
 * job syntax ({@code scheduler.py}, {@code mlfq.py}); see
 * {@link osbox.testkit.lab.SchedLab}. And the paging lab: runs any
 * page-replacement policy over a reference string with N frames, calling it
 * as the VM mechanism does, and reports hits and misses as OSTEP's
 * {@code paging-policy.py} does; see {@link osbox.testkit.lab.PagingLab}.
 *
 * <p>2.0: the page-replacement SPI is {@code osbox.api.vm.replace} (was
 * {@code osbox.api.vm}), so the paging lab's signatures changed.
 * <p>Also in 2.0: LabRun, LabJob, LabResult and JobStats moved to
 * {@code osbox.testkit.sched} (the contract tests run them there), which
 * broke the package cycle between the lab and the scheduling test kit.
 * <p>2.1: {@link osbox.testkit.lab.LabOutput} runs either lab's command line
 * in memory for a test; {@link osbox.testkit.lab.PagingResult#hitsAndMisses()}
 * and {@link osbox.testkit.lab.PagingResult#victims()} say a run in short;
 * {@link osbox.testkit.lab.OstepPagingComparison} holds the comparisons with
 * {@code paging-policy.py} that FIFO, LRU, MRU and OPT (or a plugin of the
 * same rules) pass.
 * <p>2.2: the disk lab, {@link osbox.testkit.lab.DiskLab}: OSTEP's
 * {@code disk.py} model (FIFO, SSTF, SATF), its {@code -c} answers as a
 * table or JSON, and the head's path as SVG;
 * {@link osbox.testkit.lab.LabOutput#disk} runs it in memory.
 * <p>2.3: the disk lab also runs the osbox I/O schedulers, on disk.py's
 * disk or on the textbooks' disk of cylinders ({@code --cylinders N --head
 * H}, the cost being the head's movement), several at once (JSON per policy,
 * one line each in the SVG): {@link osbox.testkit.lab.DiskLab#run(String[],
 * java.util.Map, java.io.PrintStream, java.io.PrintStream)} and
 * {@link osbox.testkit.lab.LabOutput#disk(java.util.Map, String...)}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.3.0")
package osbox.testkit.lab;
