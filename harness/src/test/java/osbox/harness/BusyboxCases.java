package osbox.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The busybox acceptance cases (harness/src/test/resources/busybox/cases.txt)
 * and their qemu-riscv64 reference outputs in expected/. The format is
 * described at the top of cases.txt; scripts/record-busybox-reference reads
 * it the same way.
 */
final class BusyboxCases {
    /** The cases' directory; its host/ is the programs' /host. */
    static final Path DIR = Computer.repositoryRoot().resolve("harness/src/test/resources/busybox");
    static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final String HEADER = "=== ";

    /** One case: run as {@code busybox sh -c script}. */
    record Case(String name, String script) {
        /** The recorded stdout, stderr or status file of this case. */
        Path expected(String kind) {
            return DIR.resolve("expected").resolve(name + "." + kind);
        }

        byte[] stdout() throws IOException {
            return Files.readAllBytes(expected("stdout"));
        }

        byte[] stderr() throws IOException {
            return Files.readAllBytes(expected("stderr"));
        }

        /** The recorded exit status; fails loudly when the file is not one number 0..255. */
        int status() throws IOException {
            String text = Files.readString(expected("status"), StandardCharsets.US_ASCII);
            if (!text.matches("(0|[1-9][0-9]{0,2})\n") || Integer.parseInt(text.strip()) > 255) {
                throw new IOException(expected("status") + ": not an exit status 0..255: " + text.strip());
            }
            return Integer.parseInt(text.strip());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private BusyboxCases() {
    }

    /**
     * Reads cases.txt: "=== NAME" starts a case, the lines up to the next
     * header are its script (trailing newlines dropped); lines before the
     * first header are comments. Fails on a bad or repeated name.
     */
    static List<Case> read() throws IOException {
        List<Case> cases = new ArrayList<>();
        String name = null;
        StringBuilder script = new StringBuilder();
        for (String line : Files.readAllLines(DIR.resolve("cases.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith(HEADER)) {
                add(cases, name, script);
                name = line.substring(HEADER.length());
                script.setLength(0);
            } else if (name != null) {
                script.append(line).append('\n');
            }
        }
        add(cases, name, script);
        return cases;
    }

    // adds the case being read, if any, after checking its name
    private static void add(List<Case> cases, String name, StringBuilder script) throws IOException {
        if (name == null) {
            return;
        }
        if (!NAME.matcher(name).matches()) {
            throw new IOException("cases.txt: bad case name '" + name + "' (lower-case letters, digits, '-')");
        }
        if (cases.stream().anyMatch(c -> c.name().equals(name))) {
            throw new IOException("cases.txt: case '" + name + "' appears twice");
        }
        int end = script.length();
        while (end > 0 && script.charAt(end - 1) == '\n') {
            end--;
        }
        cases.add(new Case(name, script.substring(0, end)));
    }
}
