package osbox.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parsed command line of {@code osbox}.
 *
 * <pre>
 *   osbox                                   interactive Gogo shell (the launcher does nothing)
 *   osbox --help | -h | help                usage on stdout, exit 0
 *   osbox run [--verbose] PROGRAM [ARGS...] runs PROGRAM, exits with its status
 * </pre>
 *
 * {@code --verbose} may stand anywhere before the program name (also before
 * {@code run}); it only raises the log level, which the {@code osbox} script
 * does, so the launcher merely skips it. {@code --} ends the options.
 *
 * @param mode       what to do
 * @param verbose    whether --verbose was given
 * @param program    the program path as given (RUN only)
 * @param arguments  the program's arguments after its name (RUN only)
 * @param error      the usage error (ERROR only)
 */
public record CommandLine(Mode mode, boolean verbose, String program, List<String> arguments, String error) {

    /** What the launcher does with a command line. */
    public enum Mode {
        /** No arguments: the interactive shell is the user interface. */
        INTERACTIVE,
        /** Print the usage and exit 0. */
        HELP,
        /** Run one program. */
        RUN,
        /** Print the error and the usage on stderr, exit 2. */
        ERROR
    }

    /** Exit status for usage errors and programs that cannot be started (as shells use 2). */
    public static final int USAGE_STATUS = 2;

    /** The usage text, one line per form. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: osbox                                  open the interactive shell (Gogo)",
            "       osbox run [--verbose] [--host-dir DIR] PROGRAM [ARGS...]",
            "                                               run a RISC-V ELF program; exit with its status",
            "       osbox --help                            show this help",
            "",
            "  --verbose       log at level info on stderr (default: warnings only)",
            "  --host-dir DIR  the host directory mounted read-only at /host for execve",
            "                  (default: the current directory)",
            "",
            "The program's console is this terminal: its standard input is osbox's",
            "standard input and its output goes to standard output. Exit status: the",
            "program's exit code, or 128+N when signal N killed it; 2 when it cannot be started.");

    /** Parses the launcher's arguments (never null; an empty array means interactive). */
    public static CommandLine parse(String[] args) {
        boolean verbose = false;
        boolean help = false;
        boolean optionsDone = false;
        String command = null;
        int i = 0;
        // Options and the command, up to the program name.
        for (; i < args.length; i++) {
            String arg = args[i];
            if (!optionsDone && arg.equals("--")) {
                optionsDone = true;
            } else if (!optionsDone && (arg.equals("--verbose") || arg.equals("-v"))) {
                verbose = true;
            } else if (!optionsDone && (arg.equals("--help") || arg.equals("-h"))) {
                help = true;
            } else if (!optionsDone && arg.equals("--host-dir")) {
                // the osbox script turns it into the osbox.host.dir framework property; skip its value
                if (++i >= args.length) {
                    return error("--host-dir needs a directory", verbose);
                }
            } else if (!optionsDone && arg.startsWith("-") && arg.length() > 1) {
                return error("unknown option: " + arg, verbose);
            } else if (command == null) {
                command = arg;
            } else {
                break;
            }
        }
        if (help || "help".equals(command)) {
            return new CommandLine(Mode.HELP, verbose, null, List.of(), null);
        }
        if (command == null) {
            return verbose
                    ? error("--verbose needs a command", true)
                    : new CommandLine(Mode.INTERACTIVE, false, null, List.of(), null);
        }
        if (!command.equals("run")) {
            return error("unknown command: " + command, verbose);
        }
        if (i >= args.length) {
            return error("run: missing PROGRAM", verbose);
        }
        List<String> rest = new ArrayList<>();
        for (int j = i + 1; j < args.length; j++) {
            rest.add(args[j]);
        }
        return new CommandLine(Mode.RUN, verbose, args[i], Collections.unmodifiableList(rest), null);
    }

    /** A usage error. */
    private static CommandLine error(String message, boolean verbose) {
        return new CommandLine(Mode.ERROR, verbose, null, List.of(), message);
    }

    /** argv for the program: its path as given, then its arguments. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(arguments);
        return Collections.unmodifiableList(argv);
    }
}
