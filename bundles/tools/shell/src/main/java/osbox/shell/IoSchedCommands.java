package osbox.shell;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.api.policy.PolicyControl;

/**
 * Gogo commands in scope {@code io}: list and use, choosing the I/O
 * scheduler (the block layer's slot of kind
 * {@value IoSchedulingPolicyProvider#KIND}, one instance per disk). Other
 * {@code io} commands (statistics) live in classes of their own.
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=io",
    "osgi.command.function=list",
    "osgi.command.function=use"
})
public final class IoSchedCommands {

    private final PolicyCommands commands;
    private final PolicyControl control;

    /** Wires the block layer's I/O-scheduler slot. */
    @Activate
    public IoSchedCommands(@Reference(name = "control",
            target = "(" + PolicyControl.KIND + "=" + IoSchedulingPolicyProvider.KIND + ")") PolicyControl control) {
        this.commands = new PolicyCommands("io", "I/O scheduler", control);
        this.control = control;
    }

    /** Prints every I/O scheduler, the one waited for, the swaps and the ejections. */
    @Descriptor("list I/O schedulers: NAME ACTIVE DESCRIPTION OPTIONS (in effect for the active one, defaults for the "
            + "others), the scheduler waited for, ejections, and how often the active one changed")
    public void list(CommandSession session) {
        session.getConsole().print(listText());
    }

    /** {@code io:list} with arguments: prints its usage line. */
    @Descriptor("(io:list takes no arguments)")
    public void list(CommandSession session, Object first, Object... more) {
        Usage.print(session, "io:list");
    }

    /** Chooses the I/O scheduler of every disk, with requests queued; prints one line saying what happened. */
    @Descriptor("choose the I/O scheduler of every disk, with options as key=value; queued requests move to it; "
            + "an unknown name is refused unless --wait")
    public void use(CommandSession session,
            @Descriptor("choose a scheduler whose bundle is not installed yet: the built-in FIFO runs until it starts")
            @Parameter(names = "--wait", presentValue = "true", absentValue = "false") boolean wait,
            @Descriptor("scheduler name (see io:list)") String name,
            @Descriptor("options, key=value") String... options) {
        session.getConsole().println(useText(wait, name, options));
    }

    /** {@code io:use} without a name: prints its usage line. */
    @Descriptor("(io:use needs a scheduler name)")
    public void use(CommandSession session,
            @Parameter(names = "--wait", presentValue = "true", absentValue = "false") boolean wait) {
        Usage.print(session, "io:use");
    }

    /** The {@code io:list} text: the policies' table, the ejections, then the swaps. */
    String listText() {
        return commands.listText() + "swaps: " + control.swaps() + "\n";
    }

    /** Does what {@code io:use} does and returns its one line (a result or an error). */
    String useText(boolean wait, String name, String... options) {
        return commands.useText(wait, name, options);
    }
}
