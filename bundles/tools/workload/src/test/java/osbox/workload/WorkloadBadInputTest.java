package osbox.workload;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed workload files, as a user (or a fuzzer) writes them: syntax
 * errors, wrong types, missing fields, unknown keys, huge numbers, negative
 * times, empty files, binary junk, and seeded mutations of every example in
 * examples/workloads. Each one either loads or is refused with one
 * {@link WorkloadException} line naming the file; never another exception,
 * never Java exception text. {@code -Dfuzz.seed} and {@code -Dfuzz.yaml.count}
 * size the mutation run (default seed 9, 200 mutants).
 */
class WorkloadBadInputTest {
    private static final Pattern JAVA_EXCEPTION = Pattern.compile(
            "\\b[A-Z][A-Za-z0-9_$]*(Exception|Error)\\b|\\bat [a-z][\\w$]*(\\.[\\w$<>]+)+\\(");

    /** The repository's examples/workloads (the module runs in bundles/tools/workload). */
    private static final Path EXAMPLES = Path.of("../../../examples/workloads").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** Files that must be refused (each one YAML document, ../bin/prog.elf exists). */
    private static final List<String> REFUSED = List.of(
            "",
            "# only a comment\n",
            "---\n",
            "42\n",
            "[1, 2]\n",
            "processes:\n",
            "processes: [~]\n",
            "processes: [{program: ~}]\n",
            "processes: [{program: true}]\n",
            "{1: 2}\n",
            "processes: [{program: ../bin/prog.elf}]\n---\nprocesses: []\n",
            "processes: [{program: ../bin/prog.elf, arrival: -1ms}]\n",
            // a name no file can have (a NUL): once an InvalidPathException trace
            "processes: [{program: \"../bin/prog.elf\\0\"}]\n",
            "processes: [{program: ../bin/prog.elf, arrival: -0.5s}]\n",
            "processes: [{program: ../bin/prog.elf, every: -5, count: 2}]\n",
            "processes: [{program: ../bin/prog.elf, arrival: 1e400}]\n",
            "processes: [{program: ../bin/prog.elf, arrival: 99999999999999999999999}]\n",
            "processes: [{program: ../bin/prog.elf, arrival: 9999999999999999s}]\n",
            "processes: [{program: ../bin/prog.elf, arrival: .inf}]\n",
            "processes: [{program: ../bin/prog.elf, arrival: .nan}]\n",
            "processes: [{program: ../bin/prog.elf, length-hint: -1us}]\n",
            "processes: [{program: ../bin/prog.elf, burst-hint: 1e30ms}]\n",
            "processes: [{program: ../bin/prog.elf, count: 99999999999999999999}]\n",
            "processes: [{program: ../bin/prog.elf, nice: 99999999999999999999}]\n",
            "processes: [{program: ../bin/prog.elf, priority: 1.5}]\n",
            "processes: [{program: ../bin/prog.elf, args: {a: 1}}]\n",
            "processes: [{program: ../bin/prog.elf}, 7]\n",
            "machine: {harts: 99999999999}\nprocesses: [{program: ../bin/prog.elf}]\n",
            "machine: {harts: -1}\nprocesses: [{program: ../bin/prog.elf}]\n",
            "machine: {memory: -64}\nprocesses: [{program: ../bin/prog.elf}]\n",
            "machine: {memory: 99999999999999999999}\nprocesses: [{program: ../bin/prog.elf}]\n",
            "machine: {quantum: -1ms}\nprocesses: [{program: ../bin/prog.elf}]\n",
            "machine: {quantum: 99999999999999999999s}\nprocesses: [{program: ../bin/prog.elf}]\n",
            "machine: {trace-capacity: 99999999999999}\nprocesses: [{program: ../bin/prog.elf}]\n",
            "machine: [1]\nprocesses: [{program: ../bin/prog.elf}]\n",
            "scheduler: 7\nprocesses: [{program: ../bin/prog.elf}]\n",
            "scheduler: {policy: rr, options: [quantum]}\nprocesses: [{program: ../bin/prog.elf}]\n",
            "swaps: [{at: -1ms, policy: rr}]\nprocesses: [{program: ../bin/prog.elf}]\n",
            "swaps: [~]\nprocesses: [{program: ../bin/prog.elf}]\n",
            "swaps: [{at: 1ms, policy: rr, options: 5}]\nprocesses: [{program: ../bin/prog.elf}]\n",
            "processes: [{program: ../bin/prog.elf}]\nprocesses: [{program: ../bin/prog.elf}]\n",
            "processes: &a [*a]\n",
            "a: &a [x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
            "processes: " + "[".repeat(1000) + "]".repeat(1000) + "\n",
            "processes: [{program: ../bin/prog.elf, name: " + "x".repeat(100_000) + "}]\n",
            "processes:\n  - program: ../bin/prog.elf\n\targs: [a]\n",
            "processes: [{program: ../bin/prog.elf}\n",
            "processes: [{program: '../bin/prog.elf}]\n",
            "processes: [{program: ../bin/prog.elf, arrival: !!binary AAAA}]\n",
            "processes: [{program: ../bin/prog.elf, arrival: !!timestamp 2001-12-14}]\n",
            "processes: [{program: /dev/zero}]\n",
            "processes: [{program: /}]\n");

    /** Junk to put where a value was. */
    private static final List<String> JUNK = List.of("", "~", "-1", "0", "1e400", "99999999999999999999", "-5ms",
            "[1]", "{a: 1}", "!!binary AAAA", "'", "\"", "&x", "*x", ".inf", "true", "0x7fffffffffffffff",
            "9223372036854775807s", "-9223372036854775808", "1.5", "\u0000", "\t");

    // The file, with ../bin/prog.elf next to it (a short ELF header: enough for the parser).
    private Path write(String name, byte[] bytes) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.write(dir.resolve("bin/prog.elf"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        Files.createDirectories(dir.resolve("w"));
        Path file = dir.resolve("w").resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** Loading or parsing a workload. */
    private interface Load {
        Workload load() throws WorkloadException;
    }

    // Loads the file; null when it loaded, else the refusal (see the other refusal).
    private static String refusal(Path file, String what) {
        return refusal(file, what, () -> Workload.load(file));
    }

    // Null when it loaded, else the refusal, after checking it is one clean line naming the file.
    private static String refusal(Path file, String what, Load load) {
        try {
            load.load();
            return null;
        } catch (WorkloadException e) {
            String m = e.getMessage();
            assertTrue(m.startsWith(file.toString()), what + ": names the file: " + m);
            assertFalse(m.contains("\n") || m.contains("\r"), what + ": one line: " + m);
            assertFalse(JAVA_EXCEPTION.matcher(m).find(), what + ": no exception text: " + m);
            return m;
        } catch (RuntimeException | Error e) {
            fail(what + ": not a WorkloadException but " + e, e);
            return null;
        }
    }

    @Test
    void malformedFilesAreRefusedInOneLine() throws IOException {
        for (int i = 0; i < REFUSED.size(); i++) {
            String yaml = REFUSED.get(i);
            Path file = write("case" + i + ".yaml", yaml.getBytes(StandardCharsets.UTF_8));
            String what = "case " + i + " '" + abbreviate(yaml) + "'";
            assertTrue(refusal(file, what) != null, what + " was accepted");
        }
    }

    @Test
    void binaryJunkIsRefusedInOneLine() throws IOException {
        Random random = new Random(9);
        for (int i = 0; i < 50; i++) {
            byte[] junk = new byte[1 + random.nextInt(i < 25 ? 64 : 4096)];
            random.nextBytes(junk);
            Path file = write("junk" + i + ".yaml", junk);
            assertTrue(refusal(file, "junk " + i) != null, "junk " + i + " was accepted");
        }
        Path elf = write("elf.yaml", Files.readAllBytes(dir.resolve("bin/prog.elf")));
        assertTrue(refusal(elf, "an ELF file as a workload") != null);
        Path big = write("big.yaml", ("# " + "x".repeat(1000) + "\n").repeat(1100).getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(big, "over 1 MiB").contains("too large"));
    }

    @Test
    void mutatedExampleWorkloadsLoadOrAreRefusedInOneLine() throws IOException {
        assertTrue(Files.isDirectory(EXAMPLES), "no examples at " + EXAMPLES);
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(examples.isEmpty());
        long seed = Long.getLong("fuzz.seed", 9);
        int count = Integer.getInteger("fuzz.yaml.count", 200);
        int refused = 0;
        for (int i = 0; i < count; i++) {
            Random random = new Random(seed * 31 + i);
            Path example = examples.get(random.nextInt(examples.size()));
            String[] lines = Files.readString(example, StandardCharsets.UTF_8).split("\n", -1);
            StringBuilder said = new StringBuilder(example.getFileName().toString());
            String text = mutate(new ArrayList<>(Arrays.asList(lines)), random, said);
            // parsed as if it were a file in the examples' own directory, so their programs are found
            Path file = EXAMPLES.resolve("mutant-" + seed + "-" + i + ".yaml");
            String what = "mutant " + i + " of seed " + seed + " (" + said + ")";
            if (refusal(file, what, () -> Workload.parse(text, file, Times.DEFAULT_HZ)) != null) {
                refused++;
            }
        }
        assertTrue(refused > 0, "the mutations refused nothing: they have lost their teeth");
    }

    // One to three line-level mutations: delete, duplicate, truncate, a junk value, a junk byte, re-indent.
    private static String mutate(List<String> lines, Random random, StringBuilder said) {
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n && !lines.isEmpty(); k++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(6)) {
                case 0 -> {
                    lines.remove(at);
                    said.append("; deleted line ").append(at + 1);
                }
                case 1 -> {
                    lines.add(at, line);
                    said.append("; duplicated line ").append(at + 1);
                }
                case 2 -> {
                    int cut = random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, cut));
                    said.append("; line ").append(at + 1).append(" cut at ").append(cut);
                }
                case 3 -> {
                    int colon = line.indexOf(": ");
                    String junk = JUNK.get(random.nextInt(JUNK.size()));
                    if (colon >= 0) {
                        int end = line.indexOf(',', colon);
                        lines.set(at, line.substring(0, colon + 2) + junk + (end < 0 ? "" : line.substring(end)));
                    }
                    said.append("; line ").append(at + 1).append(" value '").append(junk).append("'");
                }
                case 4 -> {
                    int pos = random.nextInt(line.length() + 1);
                    char c = "{}[]:,-#&*!|>'\"%@`\t\u0000".charAt(random.nextInt(20));
                    lines.set(at, line.substring(0, pos) + c + line.substring(pos));
                    said.append("; line ").append(at + 1).append(" got '").append(c).append("' at ").append(pos);
                }
                default -> {
                    lines.set(at, " ".repeat(random.nextInt(5)) + line.stripLeading());
                    said.append("; line ").append(at + 1).append(" re-indented");
                }
            }
        }
        return String.join("\n", lines);
    }

    private static String abbreviate(String text) {
        String one = text.replace("\n", "\\n");
        return one.length() > 80 ? one.substring(0, 80) + "..." : one;
    }
}
