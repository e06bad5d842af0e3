package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.io.BlockLayer;

/**
 * iogen (examples/programs/iogen) on /dev/vda of a {@link FakeBlockLayer}
 * disk prints what qemu-riscv64 printed with a host file as the device, and
 * leaves the disk as qemu left the file (examples/programs/iogen/cases.txt
 * and expected/); where qemu-riscv64 is installed, it is asked again.
 */
class IogenTest {
    private static final Path DIR = Computer.repositoryRoot().resolve("examples/programs/iogen");

    @TempDir
    Path tmp;

    /** One run: its name and iogen's arguments after the device. */
    record Case(String name, List<String> args) {
    }

    static List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                List<String> words = Arrays.asList(line.strip().split("\\s+"));
                out.add(new Case(words.get(0), words.subList(1, words.size())));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void iogenOnADiskDoesWhatQemuDoesOnAFile() throws Exception {
        List<Case> cases = cases();
        assertEquals(6, cases.size());
        List<String> wrong = new ArrayList<>();
        for (Case k : cases) {
            byte[] disk = BlockDeviceFilesTest.patterned(1 << 20);
            try (Computer c = Computer.boot(Computer.Options.defaults())) {
                FakeBlockLayer layer = new FakeBlockLayer(c.machine(), List.of(new FakeBlockLayer.Disk("vda", disk, false)));
                c.kernel().whiteboard().offer(BlockLayer.class.getName(), layer, Map.of());
                List<String> args = new ArrayList<>(List.of("/dev/vda"));
                args.addAll(k.args());
                Computer.Result r = c.run(DIR.resolve("iogen.elf"), args, new byte[0]);
                String out = r.stdoutText().replace("/dev/vda", "DEVICE");
                String expected = Files.readString(DIR.resolve("expected/" + k.name() + ".out"));
                String digest = Files.readString(DIR.resolve("expected/" + k.name() + ".sha256")).strip();
                if (!out.equals(expected) || r.shellStatus() != 0 || !sha256(disk).equals(digest)) {
                    wrong.add(k.name() + ": status " + r.shellStatus() + ", " + out + " (recorded: " + expected
                            + "), disk " + (sha256(disk).equals(digest) ? "as recorded" : "differs"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theRecordingsAreWhatQemuGivesNow() throws Exception {
        if (!BusyboxFilesTest.qemuInstalled("IogenTest")) {
            return;
        }
        for (Case k : cases()) {
            Path device = tmp.resolve("dev.img");
            Files.write(device, BlockDeviceFilesTest.patterned(1 << 20));
            List<String> command = new ArrayList<>(List.of("qemu-riscv64", DIR.resolve("iogen.elf").toString(),
                    device.toString()));
            command.addAll(k.args());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            assertEquals(Files.readString(DIR.resolve("expected/" + k.name() + ".out")),
                    out.replace(device.toString(), "DEVICE"), k.name());
            assertEquals(Files.readString(DIR.resolve("expected/" + k.name() + ".sha256")).strip(),
                    sha256(Files.readAllBytes(device)), k.name());
        }
    }
}
