package osbox.shell;

import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.hw.Machine;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.MemoryManager;
import osbox.api.memory.MemoryRegion;
import osbox.api.memory.PageEntry;
import osbox.api.memory.RegionUsage;
import osbox.api.policy.PolicyControl;
import osbox.api.vm.replace.ReplacementPolicyProvider;

/**
 * Gogo commands in scope {@code vm}: list, use (choosing the page-replacement
 * policy), stat, and maps and page (a live process's regions and one page's
 * PTE: the present bit, the frame or the swap slot kept in it).
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=vm",
    "osgi.command.function=list",
    "osgi.command.function=use",
    "osgi.command.function=stat",
    "osgi.command.function=maps",
    "osgi.command.function=page"
})
public final class VmCommands {

    private final PolicyCommands commands;
    private final Machine machine;
    private final ProcessManager processes;
    private final MemoryManager memory;

    /**
     * Wires the VM manager's page-replacement slot, the machine, the process
     * manager (for the per-process table) and the VM manager (for the paging
     * counters and the live address spaces).
     */
    @Activate
    public VmCommands(@Reference(name = "control",
            target = "(" + PolicyControl.KIND + "=" + ReplacementPolicyProvider.KIND + ")") PolicyControl control,
            @Reference(name = "machine") Machine machine, @Reference(name = "processes") ProcessManager processes,
            @Reference(name = "memory") MemoryManager memory) {
        this.commands = new PolicyCommands("vm", "page replacement policy", control);
        this.machine = machine;
        this.processes = processes;
        this.memory = memory;
    }

    /** The slot and the VM manager only: no machine (calls run on the caller's thread), no per-process table. */
    VmCommands(PolicyControl control, MemoryManager memory) {
        this(control, null, null, memory);
    }

    /** Prints every policy, the one waited for and the ejections. */
    @Descriptor("list page replacement policies: NAME ACTIVE DESCRIPTION OPTIONS (in effect for the active one, defaults for the others), the policy waited "
            + "for, ejections")
    public void list(CommandSession session) {
        session.getConsole().print(listText());
    }

    /** {@code vm:list} with arguments: prints its usage line. */
    @Descriptor("(vm:list takes no arguments)")
    public void list(CommandSession session, Object first, Object... more) {
        Usage.print(session, "vm:list");
    }

    /** Chooses the page-replacement policy; prints one line saying what happened. */
    @Descriptor("choose the page replacement policy, with options as key=value; an unknown name is refused unless --wait")
    public void use(CommandSession session,
            @Descriptor("choose a policy whose bundle is not installed yet: the built-in policy runs until it starts")
            @Parameter(names = "--wait", presentValue = "true", absentValue = "false") boolean wait,
            @Descriptor("policy name (see vm:list)") String name,
            @Descriptor("options, key=value") String... options) {
        session.getConsole().println(useText(wait, name, options));
    }

    /** {@code vm:use} without a name: prints its usage line. */
    @Descriptor("(vm:use needs a policy name)")
    public void use(CommandSession session,
            @Parameter(names = "--wait", presentValue = "true", absentValue = "false") boolean wait) {
        Usage.print(session, "vm:use");
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

    /** {@code vm:stat} with arguments other than --json: prints its usage line. */
    @Descriptor("(vm:stat takes only --json)")
    public void stat(CommandSession session,
            @Parameter(names = "--json", presentValue = "true", absentValue = "false") boolean json,
            Object first, Object... more) {
        Usage.print(session, "vm:stat");
    }

    /** Prints the regions of a live process with their resident and swapped pages. */
    @Descriptor("the regions of a live process, as /proc/PID/maps: START END (hex) PERMS KIND, and its pages "
            + "RESIDENT in frames and SWAPPED out now")
    public void maps(CommandSession session, @Descriptor("process id") String pid) throws Exception {
        session.getConsole().print(mapsText(pid));
    }

    /** {@code vm:maps} without exactly one process id: prints its usage line. */
    @Descriptor("(vm:maps takes one process id)")
    public void maps(CommandSession session, Object... words) {
        Usage.print(session, "vm:maps");
    }

    /** Prints one page's PTE: the bits, and where the page is (frame, swap slot, or nowhere yet). */
    @Descriptor("one page of a live process: its PTE in hex, the flags (v valid/present, r w x, u user, "
            + "a accessed, d dirty, c copy-on-write, s swapped), and the frame, the swap slot kept in the PTE, "
            + "or what the first touch will do")
    public void page(CommandSession session, @Descriptor("process id") String pid,
            @Descriptor("virtual address, hex (0x optional)") String address) throws Exception {
        session.getConsole().print(pageText(pid, address));
    }

    /** {@code vm:page} without exactly a process id and an address: prints its usage line. */
    @Descriptor("(vm:page takes a process id and an address)")
    public void page(CommandSession session, Object... words) {
        Usage.print(session, "vm:page");
    }

    /** The {@code vm:maps} text: a table, then the totals; or one line saying what is wrong. */
    String mapsText(String pidText) throws Exception {
        int pid = parsePid(pidText);
        if (pid < 0) {
            return "vm:maps: not a process id: '" + pidText + "'\n";
        }
        List<RegionUsage> usage = onSimulationThread(() -> {
            AddressSpace space = memory == null ? null : memory.addressSpace(pid);
            return space == null ? null : space.regionUsage();
        });
        if (usage == null) {
            return "vm:maps: no live process " + pid + "\n";
        }
        return Reports.vmMaps(pid, usage);
    }

    /** The {@code vm:page} text: the PTE, its flags and where the page is; or one line saying what is wrong. */
    String pageText(String pidText, String addressText) throws Exception {
        int pid = parsePid(pidText);
        if (pid < 0) {
            return "vm:page: not a process id: '" + pidText + "'\n";
        }
        long va = parseAddress(addressText);
        if (va < 0) {
            return "vm:page: not a user address (hex, below 0x" + Long.toHexString(AddressSpace.STACK_TOP) + "): '"
                    + addressText + "'\n";
        }
        Object[] found = onSimulationThread(() -> {
            AddressSpace space = memory == null ? null : memory.addressSpace(pid);
            if (space == null) {
                return null;
            }
            MemoryRegion region = null;
            for (MemoryRegion r : space.memoryRegions()) {
                if (va >= r.start() && va < r.end()) {
                    region = r;
                }
            }
            return new Object[] {space.page(va), region};
        });
        if (found == null) {
            return "vm:page: no live process " + pid + "\n";
        }
        if (found[0] == null) {
            return "vm:page: the VM manager does not show page table entries\n";
        }
        return Reports.vmPage(pid, (PageEntry) found[0], (MemoryRegion) found[1]);
    }

    // A decimal pid above 0, or -1.
    private static int parsePid(String text) {
        try {
            int pid = Integer.parseInt(text == null ? "" : text.trim());
            return pid > 0 ? pid : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // A hex address (0x optional, '_' allowed) below STACK_TOP, or -1.
    static long parseAddress(String text) {
        String t = text == null ? "" : text.trim().replace("_", "");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 16) {
            return -1;
        }
        try {
            long va = Long.parseUnsignedLong(t, 16);
            return va >= 0 && va < AddressSpace.STACK_TOP ? va : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // Runs task on the simulation thread (through the machine when there is one).
    private <T> T onSimulationThread(java.util.concurrent.Callable<T> task) throws Exception {
        return machine == null ? task.call() : machine.call(task);
    }

    /** The {@code vm:list} text. */
    String listText() {
        return commands.listText();
    }

    /** The {@code vm:stat} text. */
    String statText() throws Exception {
        String counters = Reports.vmStatistics(commands.active(), onSimulationThread(memory::statistics));
        return processes == null ? counters : counters + "\n" + Reports.vmProcesses(memoryRows());
    }

    /** The {@code vm:stat --json} text. */
    String statJson() throws Exception {
        return Reports.vmStatisticsJson(commands.active(), onSimulationThread(memory::statistics),
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
        return useText(false, name, options);
    }

    /** The same, with or without {@code --wait}. */
    String useText(boolean wait, String name, String... options) {
        return commands.useText(wait, name, options);
    }
}
