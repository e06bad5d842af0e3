package osbox.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.hw.Machine;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.api.vm.VmControl;

/** Gogo commands in scope {@code vm}: list, use (choosing the page-replacement policy) and stat. */
@Component(service = Object.class, property = {
    "osgi.command.scope=vm",
    "osgi.command.function=list",
    "osgi.command.function=use",
    "osgi.command.function=stat"
})
public final class VmCommands {

    private final VmControl control;
    private final Machine machine;
    private final ProcessManager processes;

    /** Wires the kernel's VM control, the machine and the process manager (for the per-process table). */
    @Activate
    public VmCommands(@Reference(name = "control") VmControl control, @Reference(name = "machine") Machine machine,
            @Reference(name = "processes") ProcessManager processes) {
        this.control = control;
        this.machine = machine;
        this.processes = processes;
    }

    /** Only the VM control: no per-process table. */
    VmCommands(VmControl control) {
        this(control, null, null);
    }

    /** Prints every policy, the one waited for and the ejections. */
    @Descriptor("list page replacement policies: NAME ACTIVE DESCRIPTION OPTIONS (in effect for the active one, defaults for the others), the policy waited "
            + "for, ejections")
    public void list(CommandSession session) {
        session.getConsole().print(listText());
    }

    /** Chooses the page-replacement policy; prints one line saying what happened. */
    @Descriptor("choose the page replacement policy, with options as key=value")
    public void use(CommandSession session,
            @Descriptor("policy name (see vm:list)") String name,
            @Descriptor("options, key=value") String... options) {
        session.getConsole().println(useText(name, options));
    }

    /** Prints the paging counters, then a row per process; or all of it as JSON. */
    @Descriptor("paging counters (frames, resident and swapped pages, page-ins, page-outs, swap slots, faults, "
            + "OOM kills), then per process: resident set, peak, swapped, faults by kind, page-ins, page-outs, "
            + "TLB hit rate")
    public void stat(CommandSession session,
            @Descriptor("print JSON instead of tables") @Parameter(names = "--json", presentValue = "true",
                    absentValue = "false") boolean json) throws Exception {
        session.getConsole().print(json ? statJson() : statText());
    }

    /** The {@code vm:list} text. */
    String listText() {
        return Reports.vmPolicies(control.policies(), control.activeOptions(), control.waitingFor(),
                control.ejections());
    }

    /** The {@code vm:stat} text. */
    String statText() throws Exception {
        String counters = Reports.vmStatistics(control.active(), control.statistics());
        return processes == null ? counters : counters + "\n" + Reports.vmProcesses(memoryRows());
    }

    /** The {@code vm:stat --json} text. */
    String statJson() throws Exception {
        return Reports.vmStatisticsJson(control.active(), control.statistics(),
                processes == null ? List.of() : memoryRows());
    }

    /** Every process's memory, copied on the simulation thread. */
    private List<Reports.MemoryRow> memoryRows() throws Exception {
        return machine.call(() -> {
            List<Reports.MemoryRow> rows = new ArrayList<>();
            for (ProcessView p : processes.processes()) {
                rows.add(Reports.MemoryRow.of(p));
            }
            return rows;
        });
    }

    /** Does what {@code vm:use} does and returns its one line (a result or an error). */
    String useText(String name, String... options) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String item : options == null ? new String[0] : options) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                return "vm:use: " + name + ": option must be key=value: '" + item + "'";
            }
            parsed.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        if (VmControl.BUILTIN.equals(name) && !parsed.isEmpty()) {
            return "vm:use: " + name + ": the built-in policy takes no options (got "
                    + String.join(", ", new ArrayList<>(parsed.keySet())) + ")";
        }
        try {
            return control.use(name, parsed)
                    ? "page replacement policy " + name + " active"
                    : name + " chosen; it runs when its bundle starts";
        } catch (IllegalArgumentException e) {
            return "vm:use: " + name + ": " + e.getMessage();
        }
    }
}
