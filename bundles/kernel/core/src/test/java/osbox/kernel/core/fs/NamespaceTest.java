package osbox.kernel.core.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.kernel.Errno;
import osbox.kernel.core.files.FileTable;

/**
 * Paths walk the namespace as Linux's namei walks a tree: "." and "..",
 * relative paths, trailing slashes, long names, symbolic link loops, and
 * no way out of the host directory, through ".." or through host links.
 */
class NamespaceTest {
    @TempDir
    Path tmp;
    private Path dir;
    private Namespace ns;
    private TestCaller caller;

    /** A caller with a working directory and a program, and no descriptors. */
    static final class TestCaller implements Caller {
        Node cwd;
        Node exe;
        final FileTable files = new FileTable();

        @Override
        public Node cwd() {
            return cwd;
        }

        @Override
        public Node exe() {
            return exe;
        }

        @Override
        public FileTable files() {
            return files;
        }
    }

    @BeforeEach
    void tree() throws IOException {
        dir = tmp.resolve("mounted");
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/file.txt"), "hello\n");
        Files.writeString(tmp.resolve("secret.txt"), "outside\n");
        Files.createSymbolicLink(dir.resolve("rel"), Path.of("a/b/file.txt"));
        Files.createSymbolicLink(dir.resolve("a/up"), Path.of(".."));
        Files.createSymbolicLink(dir.resolve("abs"), dir.resolve("a/b").toRealPath());
        Files.createSymbolicLink(dir.resolve("out-rel"), Path.of("../secret.txt"));
        Files.createSymbolicLink(dir.resolve("out-abs"), tmp.resolve("secret.txt").toRealPath());
        Files.createSymbolicLink(dir.resolve("out-deep"), Path.of("a/../../secret.txt"));
        Files.createSymbolicLink(dir.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(dir.resolve("loop2"), Path.of("loop1"));
        Files.createSymbolicLink(dir.resolve("dangling"), Path.of("nothing"));
        Files.createSymbolicLink(dir.resolve("link0"), Path.of("a/b/file.txt"));
        for (int i = 1; i <= 41; i++) {
            Files.createSymbolicLink(dir.resolve("link" + i), Path.of("link" + (i - 1)));
        }
        ns = new Namespace(new HostMount(dir), () -> null, 1);
        caller = new TestCaller();
        caller.cwd = ns.root();
        caller.exe = ns.image("/host/prog", new byte[] {1, 2, 3});
    }

    private PathWalk.Result walk(String path) {
        return ns.resolve(caller, caller.cwd, path, true);
    }

    private String found(String path) {
        PathWalk.Result r = walk(path);
        assertEquals(0, r.errno(), path);
        return r.node().path();
    }

    private int errno(String path) {
        PathWalk.Result r = walk(path);
        assertNull(r.node(), path);
        return r.errno();
    }

    @Test
    void namesDotsAndRepeatedSlashes() {
        assertEquals("/host/a/b/file.txt", found("/host/a/b/file.txt"));
        assertEquals("/host/a/b/file.txt", found("//host///a/./b//file.txt"));
        assertEquals("/host/a/b/file.txt", found("host/a/b/file.txt"), "relative to the working directory /");
        assertEquals("/host/a/b/file.txt", found("/host/a/b/../b/file.txt"));
        assertEquals("/", found("/.."));
        assertEquals("/", found("/host/.."), "the mount's .. is its parent, /");
        assertEquals("/", found("/host/a/../../.."));
        assertEquals("/dev/null", found("/host/../dev/null"));
        assertEquals("/host/a", found("/host/a/"));
        assertEquals("/host/a", found("/host/a/."));
        assertEquals(Errno.ENOENT, errno(""));
        assertEquals(Errno.ENOENT, errno("/host/a/missing"));
        assertEquals(Errno.ENOENT, errno("/etc/passwd"));
    }

    @Test
    void relativePathsStartAtTheWorkingDirectory() {
        caller.cwd = walk("/host/a/b").node();
        assertEquals("/host/a/b/file.txt", found("file.txt"));
        assertEquals("/host/a/b/file.txt", found("./file.txt"));
        assertEquals("/host/a", found(".."));
        assertEquals("/host", found("../.."));
        assertEquals("/", found("../../.."));
        assertEquals("/dev/zero", found("../../../../../dev/zero"));
        assertEquals("/dev/zero", found("/dev/zero"), "an absolute path ignores it");
    }

    @Test
    void aFileUsedAsADirectoryIsEnotdir() {
        assertEquals(Errno.ENOTDIR, errno("/host/a/b/file.txt/"));
        assertEquals(Errno.ENOTDIR, errno("/host/a/b/file.txt/."));
        assertEquals(Errno.ENOTDIR, errno("/host/a/b/file.txt/.."));
        assertEquals(Errno.ENOTDIR, errno("/host/a/b/file.txt/more"));
        assertEquals(Errno.ENOTDIR, errno("/dev/null/x"));
    }

    @Test
    void longNamesAndPathsAreEnametoolong() {
        assertEquals(Errno.ENOENT, errno("/host/" + "x".repeat(255)), "NAME_MAX itself is allowed");
        assertEquals(Errno.ENAMETOOLONG, errno("/host/" + "x".repeat(256)));
        assertEquals(Errno.ENAMETOOLONG, errno("/host/" + "a/".repeat(2048)), "PATH_MAX counts the NUL");
        assertEquals("/host/a", found("/host/" + "./".repeat(2040) + "a"), "4086 bytes are fine");
    }

    @Test
    void hostLinksAreFollowedInsideTheMount() {
        assertEquals("/host/a/b/file.txt", found("/host/rel"));
        assertEquals("/host", found("/host/a/up"));
        assertEquals("/host/a/b/file.txt", found("/host/a/up/a/up/rel"));
        assertEquals("/host/a/b/file.txt", found("/host/abs/file.txt"), "an absolute target under the directory");
        assertEquals("/host/a/b", found("/host/abs/"));
        assertEquals("/", found("/host/a/up/.."), "a link's .. leaves nothing behind; the path's own .. may go up");
    }

    @Test
    void hostLinksLeadingOutOfTheMountAreNotFound() {
        assertEquals(Errno.ENOENT, errno("/host/out-rel"), "../secret.txt from the mount's root");
        assertEquals(Errno.ENOENT, errno("/host/out-abs"), "an absolute host path outside");
        assertEquals(Errno.ENOENT, errno("/host/out-deep"), "a/../../ climbs out as well");
        assertEquals(Errno.ENOENT, errno("/host/a/up/../" + tmp.getFileName() + "/secret.txt"));
        assertEquals(Errno.ENOENT, errno("/host/dangling"));
    }

    @Test
    void linkLoopsAndLongChainsAreEloop() {
        assertEquals(Errno.ELOOP, errno("/host/loop1"));
        assertEquals("/host/a/b/file.txt", found("/host/link39"), "40 links are followed");
        assertEquals(Errno.ELOOP, errno("/host/link40"), "the 41st is one too many");
    }

    @Test
    void aLastLinkIsLeftAloneUnlessFollowedOrFollowedByASlash() throws IOException {
        PathWalk.Result r = ns.resolve(caller, ns.root(), "/host/abs", false);
        assertEquals("/host/abs", r.node().path());
        assertEquals(Stat.S_IFLNK, r.node().type());
        assertEquals(dir.resolve("a/b").toRealPath().toString(), r.node().readlink(caller), "the target as written");
        assertEquals("/host/a/b", ns.resolve(caller, ns.root(), "/host/abs/", false).node().path());
        assertEquals(Errno.ELOOP, ns.resolve(caller, ns.root(), "/host/loop1/", false).errno());
    }

    @Test
    void procSelfExeLeadsToTheCallersProgram() {
        PathWalk.Result exe = walk("/proc/self/exe");
        assertEquals(caller.exe, exe.node());
        assertEquals("/host/prog", ns.resolve(caller, ns.root(), "/proc/self/exe", false).node().readlink(caller));
        assertEquals(Errno.ENOTDIR, errno("/proc/self/exe/x"));
        assertEquals("/proc/self", found("/proc/self/fd/.."));
    }

    @Test
    void openChecksTheFlagsAsLinuxDoes() {
        Node root = ns.root();
        assertEquals(Errno.EROFS, ns.open(caller, root, "/host/a/b/file.txt", OpenFlags.O_WRONLY).errno());
        assertEquals(Errno.EROFS, ns.open(caller, root, "/host/a/b/file.txt", OpenFlags.O_RDWR).errno());
        assertEquals(Errno.EROFS, ns.open(caller, root, "/host/a/b/file.txt", OpenFlags.O_TRUNC).errno());
        assertEquals(Errno.EROFS, ns.open(caller, root, "/host/a/new", OpenFlags.O_CREAT | OpenFlags.O_WRONLY)
                .errno());
        assertEquals(Errno.ENOENT, ns.open(caller, root, "/host/none/new", OpenFlags.O_CREAT).errno());
        assertEquals(Errno.EEXIST, ns.open(caller, root, "/host/a/b/file.txt", OpenFlags.O_CREAT
                | OpenFlags.O_EXCL).errno());
        assertEquals(Errno.EISDIR, ns.open(caller, root, "/host/a", OpenFlags.O_WRONLY).errno());
        assertEquals(Errno.EISDIR, ns.open(caller, root, "/", OpenFlags.O_RDWR).errno());
        assertEquals(Errno.ENOTDIR, ns.open(caller, root, "/host/a/b/file.txt", OpenFlags.O_DIRECTORY).errno());
        assertEquals(Errno.ELOOP, ns.open(caller, root, "/host/rel", OpenFlags.O_NOFOLLOW).errno());
        assertEquals(Errno.ENOTDIR, ns.open(caller, root, "/host/abs", OpenFlags.O_NOFOLLOW
                | OpenFlags.O_DIRECTORY).errno());
        assertEquals(Errno.EINVAL, ns.open(caller, root, "/host/a", OpenFlags.O_TMPFILE).errno());
        assertEquals(Errno.EROFS, ns.open(caller, root, "/host/a", OpenFlags.O_TMPFILE | OpenFlags.O_RDWR).errno());

        Opened dev = ns.open(caller, root, "/dev/null", OpenFlags.O_RDWR | OpenFlags.O_TRUNC);
        assertEquals(0, dev.errno(), "devices take writes");
        Opened link = ns.open(caller, root, "/host/rel", OpenFlags.O_PATH | OpenFlags.O_NOFOLLOW);
        assertEquals(0, link.errno());
        assertEquals("/host/rel", ((NodeFile) link.file()).node().path());
        assertEquals(Errno.ENXIO, ns.open(caller, root, "/dev/tty", 0).errno(), "no terminal here");
    }

    @Test
    void aHostFileReadsThroughItsOwnChannel() {
        Opened o = ns.open(caller, ns.root(), "/host/rel", OpenFlags.O_RDONLY);
        assertEquals(0, o.errno());
        NodeFile f = (NodeFile) o.file();
        byte[] b = new byte[16];
        assertEquals(6, f.readAt(0, b, 0, 16));
        assertEquals("hello\n", new String(b, 0, 6, StandardCharsets.US_ASCII));
        assertEquals(3, f.readAt(3, b, 0, 16));
        assertEquals(0, f.readAt(6, b, 0, 16), "end of file");
        Stat s = f.node().stat();
        assertNotNull(s);
        assertEquals(6, s.size());
        assertTrue(s.isRegular());
        assertTrue(s.ino() != 0);
        f.release();
    }

    @Test
    void readAllGivesExecveTheBytesOrItsErrno() {
        assertEquals(6, ns.readAll(caller, walk("/host/rel").node()).bytes().length);
        assertEquals(Errno.EACCES, ns.readAll(caller, walk("/host/a").node()).errno(), "a directory");
        assertEquals(Errno.EACCES, ns.readAll(caller, walk("/dev/zero").node()).errno(), "a device");
        assertEquals(3, ns.readAll(caller, walk("/proc/self/exe").node()).bytes().length);
    }

    @Test
    void listingsAreSortedByName() {
        List<String> names = walk("/host").node().list(caller).stream().map(DirEntry::name).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(names.contains("a") && names.contains("rel"));
        assertEquals(List.of("dev", "host", "proc"), ns.root().list(caller).stream().map(DirEntry::name).toList());
        assertEquals(List.of("full", "null", "tty", "urandom", "zero"),
                walk("/dev").node().list(caller).stream().map(DirEntry::name).toList());
    }
}
