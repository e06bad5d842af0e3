package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import osbox.launcher.CommandLine.Mode;

/**
 * The option matrix of {@code osbox run} and the shell, at the command-line
 * parser: every option with good values (a run), bad values, a missing
 * value, repeats, unknown options, and anything after the program name
 * (the program's own arguments). A bad command line is a usage error of
 * one clean line; {@code BadInputIT} takes a few of these through the
 * real script. Values only the framework can check (a policy name, a
 * plugin jar, a host directory) are good here.
 */
class OptionMatrixTest {

    /** An option that takes a value: values the parser accepts, and values it must refuse. */
    private record Valued(String name, List<String> good, List<String> bad) {
    }

    /** Options with a value; --sched-opt and --vm-opt get their policy first (see {@link #withPolicy}). */
    private static final List<Valued> VALUED = List.of(
            new Valued("--host-dir", List.of("/tmp", "."), List.of()),
            new Valued("--mem", List.of("4096K", "64M", "1G", "64MiB", "64MB", "256m"),
                    List.of("", "abc", "12X", "0", "-1", "1.5G", "1000", "5T", "99999999999999999999", "64 M", "M",
                            "0x1000", "64MBB")),
            new Valued("--swap", List.of("0", "16M", "4096K"),
                    List.of("", "x", "-16M", "1000", "5T", "1.5M", "16Q")),
            new Valued("--tlb", List.of("64x4", "16xfull", "asid=off", "64x4,refill=software", "256"),
                    List.of("", "64x3", "refill=magic", "64x1,refill=software", "x", "0", "-1", "asid=maybe",
                            "64x4,colour=red")),
            new Valued("--plugin", List.of("some.jar"), List.of("")),
            new Valued("--sched", List.of("rr", "cfs", "builtin"), List.of("")),
            new Valued("--sched-opt", List.of("quantum=5000", "a=b=c"), List.of("", "quantum", "=5")),
            new Valued("--vm-policy", List.of("lru", "clock"), List.of("")),
            new Valued("--vm-opt", List.of("k=v"), List.of("", "k", "=v")),
            new Valued("--report", List.of("r.json"), List.of("")),
            new Valued("--trace", List.of("t.json"), List.of("")),
            new Valued("--gantt", List.of("g.svg"), List.of("")),
            new Valued("--memory-svg", List.of("m.svg"), List.of("")),
            new Valued("--io-svg", List.of("io.svg"), List.of("")),
            // issue 9, point 8: run limits
            new Valued("--max-instructions", List.of("1000000", "1"), List.of("", "many", "-5", "1.5")),
            new Valued("--max-time", List.of("100ms", "2s"), List.of("", "soon", "-1s")));

    /** Options the parser has never heard of, and forms it does not take. */
    private static final List<String> UNKNOWN = List.of("--fast", "-x", "--mem=64M", "---", "--MEM", "--help=yes",
            "--verbose=1", "-vv", "--sched-options", "--\u00e9");

    /** Java exception text: a class named *Exception or *Error, or a stack frame. */
    private static final Pattern JAVA_EXCEPTION = Pattern.compile(
            "\\b[A-Z][A-Za-z0-9_$]*(Exception|Error)\\b|\\bat [a-z][\\w$]*(\\.[\\w$<>]+)+\\(");

    // The option and its value, after the policy option it needs.
    private static List<String> withPolicy(String option, String value) {
        List<String> args = new ArrayList<>();
        if (option.equals("--sched-opt")) {
            args.addAll(List.of("--sched", "rr"));
        } else if (option.equals("--vm-opt")) {
            args.addAll(List.of("--vm-policy", "lru"));
        }
        args.add(option);
        args.add(value);
        return args;
    }

    private static CommandLine parse(List<String> args) {
        return CommandLine.parse(args.toArray(String[]::new));
    }

    // A usage error: one clean line, naming what was wrong.
    private static void assertUsageError(List<String> args, String mentions) {
        CommandLine line = parse(args);
        assertEquals(Mode.ERROR, line.mode(), args.toString());
        String error = line.error();
        assertNotNull(error, args.toString());
        assertFalse(error.isBlank(), args.toString());
        assertFalse(error.contains("\n") || error.contains("\r"), "one line: " + error);
        assertFalse(JAVA_EXCEPTION.matcher(error).find(), "no exception text: " + error);
        assertTrue(error.contains(mentions), args + ": '" + error + "' names " + mentions);
    }

    @Test
    void goodValuesRunTheProgramWithItsArguments() {
        for (Valued o : VALUED) {
            for (String value : o.good()) {
                for (boolean beforeRun : new boolean[] {false, true}) {
                    List<String> args = new ArrayList<>();
                    if (!beforeRun) {
                        args.add("run");
                    }
                    args.addAll(withPolicy(o.name(), value));
                    if (beforeRun) {
                        args.add("run");
                    }
                    args.addAll(List.of("p.elf", "x", "--mem"));
                    CommandLine line = parse(args);
                    assertEquals(Mode.RUN, line.mode(), args + ": " + line.error());
                    assertEquals("p.elf", line.program(), args.toString());
                    assertEquals(List.of("x", "--mem"), line.arguments(), args.toString());
                }
            }
        }
    }

    @Test
    void badValuesAreAOneLineUsageErrorNamingTheOption() {
        for (Valued o : VALUED) {
            for (String value : o.bad()) {
                List<String> args = new ArrayList<>(List.of("run"));
                args.addAll(withPolicy(o.name(), value));
                args.add("p.elf");
                assertUsageError(args, o.name());
            }
        }
    }

    @Test
    void aMissingValueIsAOneLineUsageErrorNamingTheOption() {
        for (Valued o : VALUED) {
            List<String> args = new ArrayList<>(List.of("run"));
            args.addAll(withPolicy(o.name(), "v"));
            args.remove(args.size() - 1);
            assertUsageError(args, o.name());
        }
    }

    @Test
    void unknownOptionsAreAOneLineUsageError() {
        for (String option : UNKNOWN) {
            assertUsageError(List.of("run", option, "p.elf"), option);
            assertUsageError(List.of(option, "run", "p.elf"), option);
        }
        assertUsageError(List.of("walk", "p.elf"), "walk");
        assertUsageError(List.of("run"), "PROGRAM");
        assertUsageError(List.of("run", "--"), "PROGRAM");
    }

    @Test
    void afterTheProgramNameEverythingIsTheProgramsOwn() {
        List<String> tails = new ArrayList<>(UNKNOWN);
        tails.addAll(List.of("--help", "-h", "--verbose", "--", "run"));
        for (Valued o : VALUED) {
            tails.add(o.name());
        }
        for (String tail : tails) {
            CommandLine line = parse(List.of("run", "p.elf", tail));
            assertEquals(Mode.RUN, line.mode(), tail);
            assertEquals(List.of(tail), line.arguments(), tail);
        }
        for (Valued o : VALUED) {
            for (String value : o.bad()) {
                CommandLine line = parse(List.of("run", "p.elf", o.name(), value));
                assertEquals(Mode.RUN, line.mode(), o.name() + " " + value);
                assertEquals(List.of(o.name(), value), line.arguments());
            }
        }
    }

    @Test
    void repeatedOptionsKeepTheLastValueOrEveryItem() {
        CommandLine line = parse(List.of("run", "--mem", "64M", "--mem", "128M", "--swap", "0", "--swap", "16M",
                "--tlb", "64x4", "--tlb", "16xfull", "--sched", "rr", "--sched", "cfs", "--vm-policy", "lru",
                "--vm-policy", "clock", "--report", "a.json", "--report", "b.json", "p.elf"));
        assertEquals(Mode.RUN, line.mode(), line.error());
        assertEquals("128M", line.mem());
        assertEquals("16M", line.swap());
        assertEquals("16xfull", line.tlb());
        assertEquals("cfs", line.sched());
        assertEquals("clock", line.vmPolicy());
        assertEquals("b.json", line.outputs().report());
        line = parse(List.of("run", "--sched", "rr", "--sched-opt", "a=1", "--sched-opt", "b=2", "--verbose",
                "--verbose", "p.elf"));
        assertEquals(List.of("a=1", "b=2"), line.schedOptions());
        assertTrue(line.verbose());
        // a bad repeat is an error even after a good one
        assertUsageError(List.of("run", "--mem", "64M", "--mem", "12X", "p.elf"), "--mem");
    }

    @Test
    void theShellTakesTheMachineOptionsAndRefusesBadOnesInOneLine() {
        for (String option : List.of("--mem", "--swap", "--tlb", "--plugin")) {
            Valued o = VALUED.stream().filter(v -> v.name().equals(option)).findFirst().orElseThrow();
            for (String value : o.good()) {
                assertEquals(Mode.INTERACTIVE, parse(List.of(option, value)).mode(), option + " " + value);
            }
            for (String value : o.bad()) {
                assertUsageError(List.of(option, value), option);
            }
        }
        // every other option without a command: the shell, or one line (never anything else)
        for (Valued o : VALUED) {
            CommandLine line = parse(withPolicy(o.name(), o.good().get(0)));
            assertTrue(line.mode() == Mode.INTERACTIVE || line.mode() == Mode.ERROR, o.name());
            if (line.mode() == Mode.ERROR) {
                assertUsageError(withPolicy(o.name(), o.good().get(0)), "");
            }
        }
        // a machine option: the shell logs at info level too
        assertEquals(Mode.INTERACTIVE, parse(List.of("--verbose")).mode());
        assertEquals(Mode.INTERACTIVE, parse(List.of("--host-dir", "/tmp", "--verbose", "--")).mode());
    }

    @Test
    void helpWinsOverEverythingBeforeTheProgram() {
        for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("help"),
                List.of("run", "--mem", "64M", "--help", "p.elf"), List.of("--sched", "rr", "-h", "run", "p.elf"))) {
            assertEquals(Mode.HELP, parse(args).mode(), args.toString());
        }
    }
}
