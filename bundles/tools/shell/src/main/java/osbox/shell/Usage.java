package osbox.shell;

import java.util.Map;
import java.util.TreeMap;
import org.apache.felix.service.command.CommandSession;

/**
 * The usage line of every osbox shell command, printed when a command is
 * given the wrong number of arguments. Gogo chooses a command's method by
 * the number of arguments; each command has, beside its real method, an
 * overload that takes what no real method takes and prints its line here,
 * so that the user reads the usage instead of Gogo's "Cannot coerce".
 */
final class Usage {
    /** The usage lines, by scope:function. */
    private static final Map<String, String> LINES = new TreeMap<>(Map.of(
            "osbox:run", "osbox:run PROGRAM [ARGS...]   (end the line with & to run it in the background)",
            "osbox:ps", "osbox:ps",
            "osbox:stats", "osbox:stats",
            "sched:list", "sched:list",
            "sched:use", "sched:use [--wait] NAME [key=value...]   (--wait: a policy whose bundle is not installed yet)",
            "vm:list", "vm:list",
            "vm:use", "vm:use [--wait] NAME [key=value...]   (--wait: a policy whose bundle is not installed yet)",
            "vm:stat", "vm:stat [--json]",
            "vm:maps", "vm:maps PID",
            "vm:page", "vm:page PID ADDR"));

    static {
        LINES.put("ipc:list", "ipc:list [--json]");
        LINES.put("osbox:strace", "osbox:strace PID [on|off|FILE]   (on: to this console; children are traced too)");
        LINES.put("ipc:deadlocks", "ipc:deadlocks");
        LINES.put("deadlock:list", "deadlock:list");
        LINES.put("deadlock:use", "deadlock:use none|report|break|kill");
        LINES.put("disk:list", "disk:list");
        LINES.put("io:list", "io:list");
        LINES.put("io:use", "io:use [--wait] NAME [key=value...]   (--wait: a scheduler whose bundle is not installed yet)");
        LINES.put("io:stat", "io:stat");
        LINES.put("ssd:gc", "ssd:gc [greedy|cost-benefit|builtin]   (no name: list them)");
    }

    private Usage() {
    }

    /** The one line for {@code command} (scope:function): "usage: ..."; the command must be in the table. */
    static String line(String command) {
        String usage = LINES.get(command);
        if (usage == null) {
            throw new IllegalArgumentException("no usage line for " + command);
        }
        return "usage: " + usage;
    }

    /** Prints {@code command}'s usage line on the session's console. */
    static void print(CommandSession session, String command) {
        session.getConsole().println(line(command));
    }
}
