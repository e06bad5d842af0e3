package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.io.BlockIo;
import osbox.api.io.BlockLayer;
import osbox.api.io.IoOperation;

/**
 * The block device files /dev/vda, /dev/vdb driven by real programs over a
 * {@link FakeBlockLayer} (memory disks, I/Os completing after a delay):
 * blkdev (examples/programs/block: every call a program makes on a disk,
 * with Linux's answers), Debian busybox's dd, blockdev and ionice.
 */
class BlockDeviceFilesTest {
    private static final Path PROGRAMS = Computer.repositoryRoot().resolve("examples/programs/block");

    @TempDir
    Path host;

    /** A disk of {@code bytes} bytes holding blkdev's pattern: (i * 7 + i / 512) & 0xff at byte i. */
    static byte[] patterned(int bytes) {
        byte[] d = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            d[i] = (byte) (i * 7 + i / 512);
        }
        return d;
    }

    // A computer with the host dir mounted and the fake block layer's disks in /dev.
    private Computer boot(FakeBlockLayer[] layer, List<FakeBlockLayer.Disk> disks) throws Exception {
        Computer c = Computer.boot(Computer.Options.defaults().withHostDir(host));
        layer[0] = new FakeBlockLayer(c.machine(), disks);
        c.kernel().whiteboard().offer(BlockLayer.class.getName(), layer[0], Map.of());
        return c;
    }

    private static byte[] busybox() throws Exception {
        return Files.readAllBytes(DebianPackagesTest.fetchPackage("busybox-static").resolve("usr/bin/busybox"));
    }

    @Test
    void blkdevGetsLinuxsAnswersFromEveryCall() throws Exception {
        byte[] disk = patterned(1 << 20);
        FakeBlockLayer[] layer = new FakeBlockLayer[1];
        try (Computer c = boot(layer, List.of(new FakeBlockLayer.Disk("vda", disk, false),
                new FakeBlockLayer.Disk("vdb", new byte[64 * 1024], true)))) {
            Computer.Result r = c.run(PROGRAMS.resolve("blkdev.elf"), List.of("/dev/vda", "/dev/vdb"), new byte[0]);
            assertEquals(String.join("\n",
                    "fstat: blk 1 major 254 minor 0 size 0",
                    "BLKGETSIZE64: 0",
                    "BLKGETSIZE: 0",
                    "BLKSSZGET: 0",
                    "BLKROGET: 0",
                    "BLKFLSBUF: 0",
                    "TCGETS: -1 Inappropriate ioctl for device",
                    "sizes: 1048576 bytes 2048 sectors 512 per sector ro 0",
                    "lseek end: 1048576",
                    "lseek past end: -1 Invalid argument",
                    "lseek set: 1000",
                    "read 3001 at 1000: 3001 mismatch -1 offset 4001",
                    "pread 307200 at 777: 307200 mismatch -1",
                    "readv 6100 at 513: 6100 mismatch -1 -1 -1",
                    "pread at end: 0",
                    "pread across end: 100",
                    "pwrite at end: -1 No space left on device",
                    "pwrite 11 at 70000: 11",
                    "around it: 1024 before -1 text 1 after -1",
                    "pwrite 300K at 4097: 307200",
                    "read back: 307200 same 1 before -1",
                    "head kept: -1",
                    "writev 8 at 200000: 8",
                    "offset after: 200008",
                    "written: abcdefgh",
                    "fsync: 0",
                    "fdatasync: 0",
                    "O_SYNC pwrite: 4",
                    "read of O_WRONLY: -1 Bad file descriptor",
                    "write of O_RDONLY: -1 Bad file descriptor",
                    "synced: sync",
                    "open ro disk O_WRONLY: -1 Read-only file system",
                    "open ro disk O_RDWR: -1 Read-only file system",
                    "open ro disk O_RDONLY: 0",
                    "ro disk BLKROGET 1",
                    ""), r.stdoutText());
            assertEquals(0, r.shellStatus());
            // what reached the disk: the unaligned writes, their sectors' other bytes kept
            assertEquals("abcdefgh", new String(disk, 200000, 8, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals("sync", new String(disk, 123456, 4, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals((byte) 5, disk[4097], "the 300K write's first byte");
            assertEquals((byte) (4096 * 7 + 4096 / 512), disk[4096], "the byte before it");
            List<BlockIo> ios = c.machine().call(() -> List.copyOf(layer[0].submitted()));
            assertTrue(ios.stream().anyMatch(io -> io.operation() == IoOperation.FLUSH), "fsync sends a FLUSH");
            BlockIo sync = ios.stream().filter(io -> io.operation() == IoOperation.WRITE && io.sector() == 123456 / 512)
                    .reduce((a, b) -> b).orElseThrow();
            assertTrue(sync.has(BlockIo.SYNC) && sync.has(BlockIo.FUA), "an O_SYNC write is SYNC and FUA");
            assertTrue(ios.stream().filter(io -> io.operation() == IoOperation.READ).allMatch(io -> io.has(BlockIo.SYNC)),
                    "reads are SYNC");
            assertTrue(ios.stream().allMatch(io -> io.pid() > 0 && io.tid() == io.pid()), "the caller's pid and tid");
            assertTrue(ios.stream().allMatch(io -> io.count() * 512 <= 5 * 4096), "chunks fit the bounce frames");
        }
    }

    @Test
    void busyboxDdReadsAndWritesDisksAndBlockdevGivesTheirSize() throws Exception {
        byte[] image = busybox();
        byte[] vda = patterned(1 << 20);
        byte[] vdb = new byte[256 * 1024];
        byte[] file = patterned(100_000);
        Files.write(host.resolve("file"), file);
        FakeBlockLayer[] layer = new FakeBlockLayer[1];
        try (Computer c = boot(layer, List.of(new FakeBlockLayer.Disk("vda", vda, false),
                new FakeBlockLayer.Disk("vdb", vdb, false)))) {
            Computer.Result r = c.run("/bin/busybox", image,
                    List.of("dd", "if=/dev/vda", "of=/dev/null", "bs=4096", "count=16"), new byte[0]);
            assertEquals(0, r.shellStatus(), r.stdoutText());
            assertEquals("16+0 records in\n16+0 records out\n", r.stdoutText());
            r = c.run("/bin/busybox", image, List.of("dd", "if=/host/file", "of=/dev/vdb", "conv=fsync"), new byte[0]);
            assertEquals(0, r.shellStatus(), r.stdoutText());
            assertEquals("195+1 records in\n195+1 records out\n", r.stdoutText());
            assertArrayEquals(file, java.util.Arrays.copyOf(vdb, file.length));
            assertEquals(0, vdb[file.length], "nothing written past the file");
            List<BlockIo> ios = c.machine().call(() -> List.copyOf(layer[0].submitted()));
            assertEquals(IoOperation.FLUSH, ios.get(ios.size() - 1).operation(), "conv=fsync ends with a FLUSH");
            r = c.run("/bin/busybox", image, List.of("blockdev", "--getsize64", "/dev/vda"), new byte[0]);
            assertEquals("1048576\n", r.stdoutText());
            r = c.run("/bin/busybox", image, List.of("blockdev", "--getsz", "/dev/vdb"), new byte[0]);
            assertEquals("512\n", r.stdoutText());
        }
    }

    @Test
    void ioniceGivesItsIoPriorityToEveryBlockIoAndAnErrorIsEio() throws Exception {
        byte[] image = busybox();
        FakeBlockLayer[] layer = new FakeBlockLayer[1];
        try (Computer c = boot(layer, List.of(new FakeBlockLayer.Disk("vda", patterned(1 << 20), false)))) {
            Computer.Result r = c.run("/bin/busybox", image, List.of("ionice", "-c", "2", "-n", "3", "/bin/busybox",
                    "dd", "if=/dev/vda", "of=/dev/null", "bs=512", "count=4"), new byte[0]);
            // ionice runs the program by execve: /bin/busybox is not in the tree, so it is not found
            List<BlockIo> before = c.machine().call(() -> List.copyOf(layer[0].submitted()));
            assertEquals(0, before.size(), r.stdoutText());
            Files.copy(DebianPackagesTest.fetchPackage("busybox-static").resolve("usr/bin/busybox"),
                    host.resolve("busybox"));
            r = c.run("/host/busybox", image, List.of("ionice", "-c", "2", "-n", "3", "/host/busybox",
                    "dd", "if=/dev/vda", "of=/dev/null", "bs=512", "count=4"), new byte[0]);
            assertEquals(0, r.shellStatus(), r.stdoutText());
            List<BlockIo> ios = c.machine().call(() -> List.copyOf(layer[0].submitted()));
            assertEquals(4, ios.size());
            assertTrue(ios.stream().allMatch(io -> io.ioPriority() == (2 << 13 | 3)), "best effort, level 3");
            c.machine().call(() -> {
                layer[0].failSector(2);
                return null;
            });
            r = c.run("/host/busybox", image, List.of("dd", "if=/dev/vda", "of=/dev/null", "bs=512", "count=4"),
                    new byte[0]);
            assertEquals(1, r.shellStatus(), r.stdoutText());
            assertEquals("dd: /dev/vda: Input/output error\n", r.stdoutText());
        }
    }
}
