package osbox.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.sched.SchedulerControl;

/** Gogo commands in scope {@code sched}: list and use (choosing the scheduling policy). */
@Component(service = Object.class, property = {
    "osgi.command.scope=sched",
    "osgi.command.function=list",
    "osgi.command.function=use"
})
public final class SchedCommands {

    private final SchedulerControl control;

    /** Wires the kernel's scheduler control. */
    @Activate
    public SchedCommands(@Reference(name = "control") SchedulerControl control) {
        this.control = control;
    }

    /** Prints every policy, the one waited for and the ejections. */
    @Descriptor("list scheduling policies: NAME ACTIVE DESCRIPTION OPTIONS (in effect for the active one, defaults for the others), the policy waited for, ejections")
    public void list(CommandSession session) {
        session.getConsole().print(listText());
    }

    /** Chooses the scheduling policy; prints one line saying what happened. */
    @Descriptor("choose the scheduling policy, with options as key=value")
    public void use(CommandSession session,
            @Descriptor("policy name (see sched:list)") String name,
            @Descriptor("options, key=value") String... options) {
        session.getConsole().println(useText(name, options));
    }

    /** The {@code sched:list} text, from one snapshot of each of the control's answers. */
    String listText() {
        return Reports.policies(control.policies(), control.activeOptions(), control.waitingFor(), control.ejections());
    }

    /** Does what {@code sched:use} does and returns its one line (a result or an error). */
    String useText(String name, String... options) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String item : options == null ? new String[0] : options) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                return "sched:use: " + name + ": option must be key=value: '" + item + "'";
            }
            parsed.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        if (SchedulerControl.BUILTIN.equals(name) && !parsed.isEmpty()) {
            return "sched:use: " + name + ": the built-in policy takes no options (got "
                    + String.join(", ", new ArrayList<>(parsed.keySet())) + ")";
        }
        try {
            return control.use(name, parsed)
                    ? "scheduling policy " + name + " active"
                    : name + " chosen; it runs when its bundle starts";
        } catch (IllegalArgumentException e) {
            return "sched:use: " + name + ": " + e.getMessage();
        }
    }

    /** Options as "key=value" words separated by spaces, in the map's order. */
    static String options(Map<String, String> options) {
        List<String> words = new ArrayList<>();
        options.forEach((k, v) -> words.add(k + "=" + v));
        return String.join(" ", words);
    }
}
