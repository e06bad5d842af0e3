package osbox.kernel.core.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.kernel.Errno;

/** Guest paths under /host resolve as Linux's path walk resolves them. */
class HostMountTest {
    private static final byte[] PROGRAM = {0x7f, 'E', 'L', 'F'};

    @TempDir
    Path dir;
    private HostMount mount;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("examples/programs"));
        Files.write(dir.resolve("examples/programs/hello.elf"), PROGRAM);
        mount = new HostMount(dir);
    }

    private int errno(String path) {
        HostMount.Result r = mount.read(path);
        if (r.errno() == 0) {
            assertArrayEquals(PROGRAM, r.bytes());
        } else {
            assertNull(r.bytes());
        }
        return r.errno();
    }

    @Test
    void repeatedSlashesCountAsOne() {
        for (String path : List.of("/host/examples/programs/hello.elf", "/host//examples/programs/hello.elf",
                "/host/examples//programs/hello.elf", "//host///examples/programs//hello.elf",
                "host/examples/programs/hello.elf")) {
            assertEquals(0, errno(path), path);
        }
    }

    @Test
    void dotAndDotDotAreResolvedAsLinuxDoes() {
        assertEquals(0, errno("/host/./examples/../examples/programs/./hello.elf"));
        assertEquals(0, errno("/../../host/examples/programs/hello.elf"), "/.. is /");
        assertEquals(0, errno("/host/../host/examples/programs/hello.elf"));
        assertEquals(Errno.ENOENT, errno("/host/../etc/passwd"), "out of the mount: nothing there");
        assertEquals(Errno.ENOENT, errno("/host/examples/../../" + dir.getFileName() + "/examples/programs/hello.elf"));
    }

    @Test
    void aFileUsedAsADirectoryIsEnotdir() {
        assertEquals(Errno.ENOTDIR, errno("/host/examples/programs/hello.elf/"));
        assertEquals(Errno.ENOTDIR, errno("/host/examples/programs/hello.elf/."));
        assertEquals(Errno.ENOTDIR, errno("/host/examples/programs/hello.elf/more"));
    }

    @Test
    void directoriesMissingFilesAndOtherPaths() {
        assertEquals(Errno.EACCES, errno("/host"));
        assertEquals(Errno.EACCES, errno("/host//examples/"));
        assertEquals(Errno.ENOENT, errno("/host/examples/programs/nope.elf"));
        assertEquals(Errno.ENOENT, errno("/hostile/examples/programs/hello.elf"));
        assertEquals(Errno.ENOENT, errno(""));
        assertEquals(Errno.ENOENT, errno("/"));
        assertEquals(Errno.ENAMETOOLONG, errno("/host/" + "x".repeat(256)));
        assertEquals(Errno.ENAMETOOLONG, errno("/host/" + "x/".repeat(2100)));
    }

    @Test
    void componentsAreLexical() {
        assertEquals(List.of("host", "a", "c"), HostMount.components("//host/./a/b/../c/"));
        assertEquals(List.of(), HostMount.components("/../.."));
    }
}
