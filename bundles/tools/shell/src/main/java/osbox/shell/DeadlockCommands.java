package osbox.shell;

import java.util.stream.Collectors;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.DeadlockDetection;

/**
 * Gogo commands in scope {@code deadlock}: list (the detection policies, the
 * one in use marked) and use (choose one, from the next wait on), as
 * {@code sched:list} and {@code sched:use} do for scheduling.
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=deadlock",
    "osgi.command.function=list",
    "osgi.command.function=use"
})
public final class DeadlockCommands {
    private final DeadlockDetection detection;

    /** Wires the kernel's deadlock detector. */
    @Activate
    public DeadlockCommands(@Reference(name = "detection") DeadlockDetection detection) {
        this.detection = detection;
    }

    /** Prints the policies, the active one marked. */
    @Descriptor("list the deadlock detection policies: NAME ACTIVE DESCRIPTION")
    public void list(CommandSession session) {
        session.getConsole().print(listText());
    }

    /** {@code deadlock:list} with arguments: prints its usage line. */
    @Descriptor("(deadlock:list takes no arguments)")
    public void list(CommandSession session, Object first, Object... more) {
        Usage.print(session, "deadlock:list");
    }

    /** Chooses the policy; prints one line saying what happened. */
    @Descriptor("choose the deadlock detection policy: none, report, break or kill")
    public void use(CommandSession session, @Descriptor("policy name (see deadlock:list)") String name) {
        session.getConsole().println(useText(name));
    }

    /** {@code deadlock:use} without a name, or with more: prints its usage line. */
    @Descriptor("(deadlock:use needs one policy name)")
    public void use(CommandSession session, Object... args) {
        Usage.print(session, "deadlock:use");
    }

    /** The {@code deadlock:list} text. */
    String listText() {
        String active = detection.policy();
        Table t = new Table("NAME", "ACTIVE", "DESCRIPTION");
        for (String name : DeadlockDetection.POLICIES) {
            t.row(name, name.equals(active) ? "*" : "", IpcDeadlockCommands.describe(name));
        }
        return t.render();
    }

    /** The {@code deadlock:use NAME} line. */
    String useText(String name) {
        try {
            detection.use(name);
            return "deadlock:use: " + name + " from the next wait on";
        } catch (IllegalArgumentException e) {
            return "deadlock:use: " + e.getMessage();
        }
    }

    /** The pids as "3,4". */
    static String pids(DeadlockDetection.Found f) {
        return f.pids().stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
