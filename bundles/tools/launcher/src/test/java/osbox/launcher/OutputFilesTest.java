package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files are checked before a run, with the C library's reasons. */
class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void writableFilesPassAndEachProblemHasItsReason() throws IOException {
        Files.writeString(dir.resolve("old.json"), "{}");
        Files.writeString(dir.resolve("file"), "x");
        Files.createDirectory(dir.resolve("sub"));
        assertNull(OutputFiles.whyNotWritable(dir.resolve("new.json")));
        assertNull(OutputFiles.whyNotWritable(dir.resolve("old.json")), "overwritten");
        assertEquals("Is a directory", OutputFiles.whyNotWritable(dir.resolve("sub")));
        assertEquals("No such file or directory", OutputFiles.whyNotWritable(dir.resolve("missing/r.json")));
        assertEquals("Not a directory", OutputFiles.whyNotWritable(dir.resolve("file/r.json")));
        assertEquals("Not a directory", OutputFiles.whyNotWritable(dir.resolve("file/deeper/r.json")));
    }

    @Test
    void aReadOnlyDirectoryIsPermissionDenied() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertEquals("Permission denied", OutputFiles.whyNotWritable(ro.resolve("r.json")));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void theFirstBadFileIsOneLineNamingItsOption() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("--report", "r.json");
        files.put("--trace", "nowhere/t.json");
        files.put("--gantt", "nowhere/g.svg");
        assertEquals("osbox: --trace nowhere/t.json: No such file or directory", OutputFiles.check(files, dir));
        assertNull(OutputFiles.check(Map.of("--gantt", "g.svg"), dir));
        assertFalse(Files.exists(dir.resolve("r.json")), "nothing is created by the check");
    }

    @Test
    void exceptionsGiveTheReasonNotThePath() {
        assertEquals("No such file or directory", OutputFiles.reason(new NoSuchFileException("/x/r.json")));
        assertEquals("Permission denied", OutputFiles.reason(new AccessDeniedException("/x/r.json")));
        assertEquals("No space left on device",
                OutputFiles.reason(new FileSystemException("/x/r.json", null, "No space left on device")));
        assertEquals("disk on fire", OutputFiles.reason(new IOException("disk on fire")));
    }
}
