package osbox.shell;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.policy.PolicyControl;
import osbox.api.sched.SchedulingPolicyProvider;

/** Gogo commands in scope {@code sched}: list and use (choosing the scheduling policy). */
@Component(service = Object.class, property = {
    "osgi.command.scope=sched",
    "osgi.command.function=list",
    "osgi.command.function=use"
})
public final class SchedCommands {

    private final PolicyCommands commands;

    /** Wires the kernel's scheduling slot. */
    @Activate
    public SchedCommands(@Reference(name = "control",
            target = "(" + PolicyControl.KIND + "=" + SchedulingPolicyProvider.KIND + ")") PolicyControl control) {
        this.commands = new PolicyCommands("sched", "scheduling policy", control);
    }

    /** Prints every policy, the one waited for and the ejections. */
    @Descriptor("list scheduling policies: NAME ACTIVE DESCRIPTION OPTIONS (in effect for the active one, defaults for the others), the policy waited for, ejections")
    public void list(CommandSession session) {
        session.getConsole().print(listText());
    }

    /** {@code sched:list} with arguments: prints its usage line. */
    @Descriptor("(sched:list takes no arguments)")
    public void list(CommandSession session, Object first, Object... more) {
        Usage.print(session, "sched:list");
    }

    /** Chooses the scheduling policy; prints one line saying what happened. */
    @Descriptor("choose the scheduling policy, with options as key=value; an unknown name is refused unless --wait")
    public void use(CommandSession session,
            @Descriptor("choose a policy whose bundle is not installed yet: the built-in policy runs until it starts")
            @Parameter(names = "--wait", presentValue = "true", absentValue = "false") boolean wait,
            @Descriptor("policy name (see sched:list)") String name,
            @Descriptor("options, key=value") String... options) {
        session.getConsole().println(useText(wait, name, options));
    }

    /** {@code sched:use} without a name: prints its usage line. */
    @Descriptor("(sched:use needs a policy name)")
    public void use(CommandSession session,
            @Parameter(names = "--wait", presentValue = "true", absentValue = "false") boolean wait) {
        Usage.print(session, "sched:use");
    }

    /** The {@code sched:list} text. */
    String listText() {
        return commands.listText();
    }

    /** Does what {@code sched:use} does and returns its one line (a result or an error). */
    String useText(String name, String... options) {
        return useText(false, name, options);
    }

    /** The same, with or without {@code --wait}. */
    String useText(boolean wait, String name, String... options) {
        return commands.useText(wait, name, options);
    }
}
