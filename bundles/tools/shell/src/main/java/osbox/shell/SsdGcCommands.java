package osbox.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.policy.PolicyControl;

/**
 * Gogo command {@code ssd:gc}: without an argument it lists the SSDs'
 * garbage-collection victim policies (the slot of kind {@value #KIND}:
 * builtin, greedy, cost-benefit), with a name it chooses one for every SSD
 * at the machine's next safe point, as {@code sched:use} does for the CPU
 * scheduler. Write amplification and erase counts per SSD are in
 * {@code disk:list}'s counters (write_amplification_milli, erases,
 * erase_max, erase_min).
 */
@Component(service = Object.class, property = {"osgi.command.scope=ssd", "osgi.command.function=gc"})
public final class SsdGcCommands {
    /** The SSD garbage collector's slot kind, as the SSD bundle registers its PolicyControl. */
    static final String KIND = "ssd.gc";

    private final PolicyControl control;
    private final PolicyCommands commands;

    /** Wires the SSDs' garbage-collection slot. */
    @Activate
    public SsdGcCommands(@Reference(name = "control", target = "(" + PolicyControl.KIND + "=" + KIND + ")")
            PolicyControl control) {
        this.control = control;
        this.commands = new PolicyCommands("ssd", "SSD GC policy", control);
    }

    /** Prints the GC policies, the active one marked. */
    @Descriptor("list the SSDs' garbage-collection policies: NAME ACTIVE DESCRIPTION")
    public void gc(CommandSession session) {
        session.getConsole().print(listText());
    }

    /** Chooses the GC policy; prints one line saying what happened. */
    @Descriptor("choose the SSDs' garbage-collection policy (see ssd:gc): greedy or cost-benefit")
    public void gc(CommandSession session, @Descriptor("policy name") String name) {
        session.getConsole().println(useText(name));
    }

    /** {@code ssd:gc} with more than a name: prints its usage line. */
    @Descriptor("(ssd:gc takes at most a policy name)")
    public void gc(CommandSession session, Object first, Object second, Object... more) {
        Usage.print(session, "ssd:gc");
    }

    /** The listing. */
    String listText() {
        return commands.listText();
    }

    /** Chooses name (no options: the GC policies take none); the result or the error, one line. */
    String useText(String name) {
        List<String> known = new ArrayList<>();
        for (PolicyControl.Policy p : control.policies()) {
            known.add(p.name());
        }
        if (!known.contains(name)) {
            return "ssd:gc: " + name + ": no such SSD GC policy (known: " + String.join(", ", known) + ")";
        }
        try {
            return control.use(name, Map.of()) ? "SSD GC policy " + name + " active"
                    : "SSD GC policy " + name + " chosen; it runs when its bundle starts";
        } catch (IllegalArgumentException e) {
            return "ssd:gc: " + name + ": " + e.getMessage();
        }
    }
}
