package osbox.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A cases file of examples/programs (program, args, stdin, status; tab-separated, '#' comments). */
final class CaseFile {
    /** One case. */
    record Case(String program, List<String> args, String stdin, int status) {
        /** The expected-output file name: program[.args_joined][.stdin-stem].out */
        String expectedName() {
            String n = program;
            if (!args.isEmpty()) {
                n += "." + String.join("_", args);
            }
            if (!stdin.equals("-")) {
                String stem = Path.of(stdin).getFileName().toString();
                n += ".stdin-" + (stem.contains(".") ? stem.substring(0, stem.lastIndexOf('.')) : stem);
            }
            return n + ".out";
        }

        /** The standard input bytes (empty for "-"). */
        byte[] input(Path dir) throws IOException {
            return stdin.equals("-") ? new byte[0] : Files.readAllBytes(dir.resolve(stdin));
        }

        @Override
        public String toString() {
            return (program + " " + String.join(" ", args)).trim() + (stdin.equals("-") ? "" : " < " + stdin);
        }
    }

    static final Path DIR = Computer.repositoryRoot().resolve("examples/programs");

    private CaseFile() {
    }

    /** The cases of examples/programs/{@code name}. */
    static List<Case> read(String name) throws IOException {
        return read(DIR, name);
    }

    /** The cases of the file {@code name} in {@code dir} (examples/programs or one below it, e.g. glibc). */
    static List<Case> read(Path dir, String name) throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(name))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            List<String> args = f[1].isBlank() ? List.of() : Arrays.asList(f[1].trim().split(" +"));
            out.add(new Case(f[0], args, f[2], Integer.parseInt(f[3].trim())));
        }
        return out;
    }
}
