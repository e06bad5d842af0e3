package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seeded ELF mutation fuzzer: mutants of the example programs
 * ({@link ElfMutator}) run on the whole computer ({@link MutantRunner}),
 * each refused with one line, exiting, killed by a signal, or stopped at
 * the cycle budget; never a Java exception, never a hang. CI runs the
 * default size; a larger campaign is one command:
 *
 * <pre>
 * mvn -B -o -q verify -pl harness -am -Dtest=ElfFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Darchetype.test.skip -Dfuzz.seed=9 -Dfuzz.count=10000
 * </pre>
 *
 * {@code -Dfuzz.index=I} replays mutant I of the seed alone;
 * {@code -Dfuzz.first=F} starts at mutant F (to split a campaign);
 * {@code -Dfuzz.log=true} lists every mutant and its outcome in
 * {@code harness/target/fuzz-log-seed-S-F-END.txt};
 * {@code -Dfuzz.budget=CYCLES} changes the budget. Each failing mutant is
 * written to {@code harness/target/fuzz-failures/} (the image and what
 * happened, named by seed and index); the tally by outcome goes to
 * {@code harness/target/fuzz-summary-seed-S-F-END.txt}, with the mutants
 * that ran although Linux refuses them ({@link LinuxElfRules}). A few
 * mutants of each ending outcome go to {@code harness/target/fuzz-sample/}
 * for BadInputIT, which runs them through the real script.
 */
class ElfFuzzTest {
    /** The seed CI uses. */
    static final long DEFAULT_SEED = 9;
    /** Mutants CI runs. */
    static final int DEFAULT_COUNT = 250;
    /** Mutants of each ending outcome written to target/fuzz-sample for BadInputIT to run through the script. */
    static final int SAMPLE_PER_OUTCOME = 4;
    /** Simulated cycles a mutant may run (20 ms at 1 GHz): plenty for the short examples. */
    static final long DEFAULT_BUDGET = 20_000_000;

    @Test
    void mutatedExamplesAreRefusedOrRunToACleanEnd() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("fuzz.count", DEFAULT_COUNT);
        long budget = Long.getLong("fuzz.budget", DEFAULT_BUDGET);
        Integer only = Integer.getInteger("fuzz.index");
        ElfMutator mutator = examples(seed);
        Path target = Path.of("target").toAbsolutePath();
        Map<MutantRunner.Outcome, Integer> tally = new EnumMap<>(MutantRunner.Outcome.class);
        List<String> failures = new ArrayList<>();
        List<String> laxLoads = new ArrayList<>();
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        Map<MutantRunner.Outcome, Integer> sampled = new EnumMap<>(MutantRunner.Outcome.class);
        int first = only != null ? only : Integer.getInteger("fuzz.first", 0);
        int end = only != null ? only + 1 : first + count;
        String range = seed + "-" + first + "-" + end;
        Files.createDirectories(target);
        // the log is written as the campaign goes: a long run stopped early keeps what it did
        try (StderrCapture stderr = new StderrCapture();
                MutantRunner runner = new MutantRunner(Computer.Options.defaults(), budget, stderr);
                java.io.Writer log = Boolean.getBoolean("fuzz.log")
                        ? Files.newBufferedWriter(target.resolve("fuzz-log-seed-" + range + ".txt")) : null) {
            for (int i = first; i < end; i++) {
                ElfMutator.Mutant m = mutator.mutant(i);
                MutantRunner.Verdict v = runner.run("/fuzz/" + m.origin(), m.image());
                tally.merge(v.outcome(), 1, Integer::sum);
                kinds.merge(kind(v), 1, Integer::sum);
                if (v.outcome() == MutantRunner.Outcome.FAILED) {
                    failures.add(save(target, m, v));
                } else if (only == null && sampled.merge(v.outcome(), 1, Integer::sum) <= SAMPLE_PER_OUTCOME
                        && v.outcome() != MutantRunner.Outcome.AT_BUDGET) {
                    sample(target, m, v);
                }
                String linux = LinuxElfRules.refusal(m.image());
                if (linux != null && v.outcome() != MutantRunner.Outcome.REFUSED) {
                    laxLoads.add(String.format("elf-seed%d-%d: %s, yet %s%n", seed, i, linux, v.outcome()));
                }
                if ((i + 1) % 1000 == 0) {
                    System.out.println("mutant " + (i + 1) + ": " + tally);
                }
                if (log != null) {
                    log.write(String.format("%d %s %s %s | %s%s%n", i, m.origin(), v.outcome(), v.detail(),
                            m.description(), linux == null ? "" : " | Linux refuses: " + linux));
                    log.flush();
                }
                if (only != null) {
                    System.out.println("mutant " + i + " of seed " + seed + " (" + m.origin() + ": "
                            + m.description() + "): " + v.outcome() + " " + v.detail());
                }
            }
            String summary = String.format("seed %d, mutants %d..%d, budget %d cycles: %s; not refused though Linux "
                    + "refuses them: %d%n", seed, first, end - 1, budget, tally, laxLoads.size());
            System.out.print(summary);
            Files.writeString(target.resolve("fuzz-summary-seed-" + range + ".txt"),
                    summary + kinds(kinds) + String.join("", failures) + String.join("", laxLoads),
                    StandardCharsets.UTF_8);
        }
        assertTrue(failures.isEmpty(), failures.size() + " failing mutants (replay each with -Dfuzz.seed="
                + seed + " -Dfuzz.index=I):\n" + String.join("", failures));
        // issue 9, point 9: the loader refuses what Linux's load_elf_binary refuses
        assertTrue(laxLoads.isEmpty(), laxLoads.size() + " mutants ran although Linux refuses them:\n"
                + String.join("", laxLoads));
        if (only == null && count >= 100) {
            // the mutants reach every outcome, or the mutator has lost its teeth
            assertTrue(tally.getOrDefault(MutantRunner.Outcome.REFUSED, 0) > 0, tally.toString());
            assertTrue(tally.getOrDefault(MutantRunner.Outcome.EXITED, 0) > 0, tally.toString());
            assertTrue(tally.getOrDefault(MutantRunner.Outcome.SIGNALLED, 0) > 0, tally.toString());
        }
    }

    /**
     * The campaign without Maven's test runner, with the same properties
     * (java -Dfuzz.count=10000 -cp TEST-CLASSPATH osbox.harness.ElfFuzzTest).
     */
    public static void main(String[] args) throws Exception {
        new ElfFuzzTest().mutatedExamplesAreRefusedOrRunToACleanEnd();
    }

    /**
     * Issue 9, point 9: hello.elf with its data segment's file offset moved
     * by 8 bytes (its virtual address kept), so the two differ modulo the
     * page size. Linux cannot map it and execve fails; osbox must refuse it.
     */
    @Test
    void aLoadSegmentWhoseAddressAndOffsetDifferModuloThePageIsRefused() throws Exception {
        byte[] image = java.nio.file.Files.readAllBytes(Computer.example("hello"));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(image).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int phoff = (int) b.getLong(32);
        int data = -1;
        for (int i = 0; i < (b.getShort(56) & 0xffff); i++) {
            int at = phoff + 56 * i;
            if (b.getInt(at) == 1 && b.getLong(at + 8) != 0) {
                data = at;
            }
        }
        assertTrue(data >= 0, "hello.elf has a PT_LOAD segment at a file offset other than 0");
        b.putLong(data + 8, b.getLong(data + 8) + 8);
        assertTrue(LinuxElfRules.refusal(image) != null, "the oracle sees it");
        try (StderrCapture stderr = new StderrCapture();
                MutantRunner runner = new MutantRunner(Computer.Options.defaults(), DEFAULT_BUDGET, stderr)) {
            MutantRunner.Verdict v = runner.run("/fuzz/misaligned.elf", image);
            assertEquals(MutantRunner.Outcome.REFUSED, v.outcome(), v.detail());
        }
    }

    @Test
    void mutantsAreTheSameForTheSameSeedAndIndex() throws Exception {
        ElfMutator a = examples(5);
        ElfMutator b = examples(5);
        for (int i = 0; i < 50; i++) {
            assertEquals(a.mutant(i).description(), b.mutant(i).description());
            assertTrue(java.util.Arrays.equals(a.mutant(i).image(), b.mutant(i).image()), "mutant " + i);
        }
    }

    /** A mutator over every examples/programs/*.elf, in name order. */
    static ElfMutator examples(long seed) throws IOException {
        Path dir = Computer.repositoryRoot().resolve("examples/programs");
        List<String> names = new ArrayList<>();
        List<byte[]> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".elf")).sorted().toList()) {
                names.add(p.getFileName().toString());
                images.add(Files.readAllBytes(p));
            }
        }
        return new ElfMutator(names, images, seed);
    }

    /** The verdict without its numbers and names: its kind, for the tally by reason. */
    static String kind(MutantRunner.Verdict v) {
        String detail = v.detail().replaceAll("\\([^)]*\\)", "").replaceAll("0x[0-9a-fA-F]+|[0-9]+", "N");
        int cut = detail.indexOf(" at pc=");
        detail = cut < 0 ? detail : detail.substring(0, cut);
        return v.outcome() + " " + (detail.length() > 100 ? detail.substring(0, 100) + "..." : detail);
    }

    // The tally by kind, most frequent first, one per line.
    private static String kinds(Map<String, Integer> kinds) {
        StringBuilder s = new StringBuilder();
        kinds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> s.append(String.format("%7d  %s%n", e.getValue(), e.getKey())));
        return s.toString();
    }

    /**
     * Writes a mutant that ended (refused, exited or signalled) and how, for
     * BadInputIT: NAME.elf, and NAME.expected holding the outcome, then the
     * shell status (or the refusal), one per line.
     */
    private static void sample(Path target, ElfMutator.Mutant m, MutantRunner.Verdict v) throws IOException {
        Path dir = target.resolve("fuzz-sample");
        Files.createDirectories(dir);
        String name = "elf-seed" + m.seed() + "-" + m.index();
        Files.write(dir.resolve(name + ".elf"), m.image());
        String expected = v.outcome() == MutantRunner.Outcome.REFUSED ? v.detail()
                : v.detail().replaceFirst("^status ([0-9]+).*", "$1");
        Files.writeString(dir.resolve(name + ".expected"), v.outcome() + "\n" + expected + "\n",
                StandardCharsets.UTF_8);
    }

    // Writes the failing mutant and what happened; returns the line for the report.
    private static String save(Path target, ElfMutator.Mutant m, MutantRunner.Verdict v) throws IOException {
        Path dir = target.resolve("fuzz-failures");
        Files.createDirectories(dir);
        String name = "elf-seed" + m.seed() + "-" + m.index();
        Files.write(dir.resolve(name + ".elf"), m.image());
        String line = String.format("%s: from %s (%s): %s%n", name, m.origin(), m.description(), v.problem());
        Files.writeString(dir.resolve(name + ".txt"), line, StandardCharsets.UTF_8);
        return line;
    }
}
