package osbox.hw.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.hw.DiskSpec;

class FileBackingStoreTest {
    @TempDir
    Path dir;

    @Test
    void sectorNIsAtByteNTimes512() throws Exception {
        Path image = dir.resolve("disk.img");
        byte[] bytes = new byte[4 * 512 + 100];     // the tail past the last whole sector is not a sector
        bytes[2 * 512] = 42;
        Files.write(image, bytes);
        try (FileBackingStore store = FileBackingStore.open(image, false)) {
            assertEquals(4, store.sectors());
            byte[] buf = new byte[1024];
            store.read(2, buf, 1);
            assertEquals(42, buf[0]);
            buf[0] = 7;
            store.write(3, buf, 1);
            store.sync();
        }
        assertEquals(7, Files.readAllBytes(image)[3 * 512]);
    }

    @Test
    void unusableImagesSayWhy() throws Exception {
        assertEquals("No such file or directory", DiskSpec.whyNotUsable(dir.resolve("none"), true));
        assertEquals("Is a directory", DiskSpec.whyNotUsable(dir, true));
        Path tiny = Files.write(dir.resolve("tiny"), new byte[10]);
        assertTrue(DiskSpec.whyNotUsable(tiny, true).startsWith("empty image"));
        Path ro = Files.write(dir.resolve("ro.img"), new byte[512]);
        assertNull(DiskSpec.whyNotUsable(ro, false));
        assertTrue(ro.toFile().setWritable(false));
        if (!Files.isWritable(ro)) {                 // root may write anything
            assertTrue(DiskSpec.whyNotUsable(ro, false).startsWith("Permission denied"));
        }
        assertNull(DiskSpec.whyNotUsable(ro, true));
        assertEquals("No such file or directory", assertThrows(FileBackingStore.BadImageException.class,
                () -> FileBackingStore.open(dir.resolve("none"), false)).getMessage());
    }

    @Test
    void aMemoryDiskReadsZerosUntilWritten() {
        MemoryBackingStore store = new MemoryBackingStore(300);
        byte[] buf = new byte[512 * 200];
        buf[512 * 150] = 5;
        store.write(100, buf, 200);                 // crosses a 64 KiB chunk
        byte[] got = new byte[512];
        store.read(250, got, 1);
        assertEquals(5, got[0]);
        store.read(0, got, 1);
        assertEquals(0, got[0]);
    }
}
