package osbox.shell;

import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.DeadlockDetection;

/**
 * Gogo command {@code ipc:deadlocks}: the deadlocks the kernel's detector
 * found, current and past, as a table, then each cycle as text.
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=ipc",
    "osgi.command.function=deadlocks"
})
public final class IpcDeadlockCommands {
    /** What each policy does, for deadlock:list. */
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "none", "no detection",
            "report", "report a deadlock (trace, log, ipc:deadlocks); its tasks stay blocked",
            "break", "report, and refuse the wait that closed the cycle: the call fails with EDEADLK",
            "kill", "report, and kill the youngest deadlocked process (the highest pid) with SIGKILL");

    private final DeadlockDetection detection;

    /** Wires the kernel's deadlock detector. */
    @Activate
    public IpcDeadlockCommands(@Reference(name = "detection") DeadlockDetection detection) {
        this.detection = detection;
    }

    /** Prints the deadlocks found. */
    @Descriptor("list the deadlocks found, current and past: NUMBER CYCLE STATE PIDS ACTION, then each cycle")
    public void deadlocks(CommandSession session) {
        session.getConsole().print(deadlocksText());
    }

    /** {@code ipc:deadlocks} with arguments: prints its usage line. */
    @Descriptor("(ipc:deadlocks takes no arguments)")
    public void deadlocks(CommandSession session, Object first, Object... more) {
        Usage.print(session, "ipc:deadlocks");
    }

    /** The {@code ipc:deadlocks} text. */
    String deadlocksText() {
        List<DeadlockDetection.Found> found = detection.deadlocks();
        if (found.isEmpty()) {
            return "no deadlock found (policy " + detection.policy() + ")\n";
        }
        Table t = new Table(">NUMBER", ">CYCLE", "STATE", "PIDS", "ACTION");
        for (DeadlockDetection.Found f : found) {
            t.row(f.number(), f.cycle(), f.current() ? "current" : "past", DeadlockCommands.pids(f), f.action());
        }
        StringBuilder b = new StringBuilder(t.render());
        for (DeadlockDetection.Found f : found) {
            b.append("deadlock ").append(f.number()).append(": ").append(f.text()).append('\n');
        }
        return b.toString();
    }

    /** What policy {@code name} does. */
    static String describe(String name) {
        return DESCRIPTIONS.getOrDefault(name, "");
    }
}
