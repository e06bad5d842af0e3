package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/**
 * The README's examples of what osbox prints tell the truth (issue 9, point
 * 12): every indented {@code $ ./osbox ...} line of README.md is run through
 * the real script, and what it printed (stdout and stderr, and the status
 * when the example ends in {@code ; echo $?}) must be the lines the README
 * shows under it, in order within each stream.
 */
public class ReadmeExamplesIT {

    /** An example: the command's words, whether it echoes the status, and the lines shown under it. */
    record Example(int line, List<String> words, boolean echoStatus, List<String> shown) {
    }

    /** The examples of README.md, in order. */
    static List<Example> examples() throws Exception {
        List<String> lines = Files.readAllLines(OsboxCommand.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("    $ ./osbox ")) {
                continue;
            }
            String command = l.substring("    $ ./osbox ".length()).strip();
            boolean echo = command.endsWith("; echo $?");
            if (echo) {
                command = command.substring(0, command.length() - "; echo $?".length()).strip();
            }
            List<String> shown = new ArrayList<>();
            for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("    ")
                    && !lines.get(j).startsWith("    $ "); j++) {
                shown.add(lines.get(j).substring(4));
            }
            examples.add(new Example(i + 1, Arrays.asList(command.split(" +")), echo, shown));
        }
        return examples;
    }

    @Test
    public void everyExampleOfTheReadmePrintsWhatItShows() throws Exception {
        List<Example> examples = examples();
        assertTrue("the README has its examples: " + examples.size(), examples.size() >= 8);
        List<String> wrong = new ArrayList<>();
        for (Example e : examples) {
            OsboxCommand.Result r = OsboxCommand.of(e.words().toArray(String[]::new)).timeoutSeconds(120).run();
            List<String> printed = new ArrayList<>(r.out().lines().toList());
            printed.addAll(r.err().lines().toList());
            if (e.echoStatus()) {
                printed.add(Integer.toString(r.status()));
            }
            // the README shows a stream's lines in the order printed; stdout and stderr may interleave
            List<String> expected = new ArrayList<>(e.shown());
            if (!sorted(expected).equals(sorted(printed)) || !inOrder(expected, r.out().lines().toList())
                    || !inOrder(expected, r.err().lines().toList())) {
                wrong.add("README.md:" + e.line() + ": ./osbox " + String.join(" ", e.words())
                        + "\n  shows:   " + String.join("\n           ", expected)
                        + "\n  printed: " + String.join("\n           ", printed));
            }
        }
        assertEquals(String.join("\n", wrong), 0, wrong.size());
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    // Whether the lines of one stream come in expected's order.
    private static boolean inOrder(List<String> expected, List<String> stream) {
        int at = 0;
        for (String line : stream) {
            int found = expected.subList(at, expected.size()).indexOf(line);
            if (found < 0) {
                return false;
            }
            at += found + 1;
        }
        return true;
    }
}
