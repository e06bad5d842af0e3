package osbox.kernel.core.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

class SyscallTableTest {
    private final SyscallTable t = new SyscallTable();
    private final SyscallHandler h1 = c -> 1;
    private final SyscallHandler h2 = c -> 2;

    @Test
    void emptyTableHasNothing() {
        assertNull(t.lookup(Syscalls.WRITE));
        assertFalse(t.installed(Syscalls.WRITE));
        assertEquals("write", t.name(Syscalls.WRITE), "Linux's name while nothing is installed");
        assertEquals("syscall 250", t.name(250), "the arch-specific range has no Linux name");
        assertEquals("syscall 1500", t.name(1500));
    }

    @Test
    void installAndLookup() {
        t.install(Syscalls.WRITE, "write", h1);
        assertEquals(1, t.lookup(Syscalls.WRITE).invoke(null), "the whiteboard handler runs");
        assertTrue(t.installed(Syscalls.WRITE));
        assertEquals("write", t.name(Syscalls.WRITE));
        assertNull(t.lookup(Syscalls.READ));
    }

    @Test
    void laterInstallReplaces() {
        t.install(Syscalls.WRITE, "write", h1);
        t.install(Syscalls.WRITE, "write2", h2);
        assertEquals(2, t.lookup(Syscalls.WRITE).invoke(null));
        assertEquals("write2", t.name(Syscalls.WRITE));
    }

    @Test
    void removeOnlyRemovesTheInstalledHandler() {
        t.install(Syscalls.WRITE, "write", h1);
        t.install(Syscalls.WRITE, "write", h2);
        assertFalse(t.remove(Syscalls.WRITE, h1), "h1 was replaced: its departure changes nothing");
        assertEquals(2, t.lookup(Syscalls.WRITE).invoke(null));
        assertTrue(t.remove(Syscalls.WRITE, h2));
        assertNull(t.lookup(Syscalls.WRITE));
        assertFalse(t.installed(Syscalls.WRITE));
        assertFalse(t.remove(Syscalls.WRITE, h2));
    }

    @Test
    void theKernelsOwnCallsAreInstalledAsTheyAreAndNoWhiteboardDepartureRemovesThem() {
        KernelSyscall own = f -> 7;
        t.install(Syscalls.GETPID, "getpid", own);
        assertSame(own, t.lookup(Syscalls.GETPID));
        assertEquals("getpid", t.name(Syscalls.GETPID));
        assertFalse(t.remove(Syscalls.GETPID, h1), "no whiteboard handler is installed there");
        assertSame(own, t.lookup(Syscalls.GETPID));
        // a whiteboard handler may replace it; its departure leaves the number unanswered (ENOSYS)
        t.install(Syscalls.GETPID, "getpid", h2);
        assertEquals(2, t.lookup(Syscalls.GETPID).invoke(null));
        assertTrue(t.remove(Syscalls.GETPID, h2));
        assertNull(t.lookup(Syscalls.GETPID));
    }

    @Test
    void lookupOutOfRangeIsNull() {
        t.install(0, "io_setup", h1);
        t.install(Syscalls.TABLE_SIZE - 1, "last", h2);
        assertEquals(1, t.lookup(0).invoke(null));
        assertEquals(2, t.lookup(Syscalls.TABLE_SIZE - 1).invoke(null));
        assertNull(t.lookup(-1));
        assertNull(t.lookup(Syscalls.TABLE_SIZE));
        assertNull(t.lookup(Long.MAX_VALUE));
        assertNull(t.lookup(Long.MIN_VALUE));
        assertNull(t.lookup(1L << 32), "no truncation to int");
        assertFalse(t.installed(-1));
        assertFalse(t.installed(Syscalls.TABLE_SIZE));
    }

    @Test
    void installAndRemoveOutOfRangeThrow() {
        assertThrows(IllegalArgumentException.class, () -> t.install(-1, "x", h1));
        assertThrows(IllegalArgumentException.class, () -> t.install(Syscalls.TABLE_SIZE, "x", h1));
        assertThrows(IllegalArgumentException.class, () -> t.remove(-1, h1));
        assertThrows(IllegalArgumentException.class, () -> t.remove(Syscalls.TABLE_SIZE, h1));
    }

    @Test
    void countsCallsInRangeAndIgnoresTheRest() {
        t.count(Syscalls.WRITE);
        t.count(Syscalls.WRITE);
        t.count(Syscalls.READ);
        t.count(-1);
        t.count(Syscalls.TABLE_SIZE);
        t.count(Long.MAX_VALUE);
        assertEquals(2, t.calls(Syscalls.WRITE));
        assertEquals(1, t.calls(Syscalls.READ));
        assertEquals(0, t.calls(Syscalls.EXIT));
    }

    @Test
    void namesOutOfRange() {
        assertEquals("syscall -1", t.name(-1));
        assertEquals("syscall 4096", t.name(4096));
    }

    @Test
    void aStatusIsKeptWithItsCallAndParsedFromAProperty() {
        assertNull(t.status(Syscalls.WRITE), "nothing installed: ENOSYS");
        t.install(Syscalls.WRITE, "write", h1, SyscallStatus.parse("partial: no O_DIRECT"));
        assertEquals(new SyscallStatus(SyscallStatus.Level.PARTIAL, "no O_DIRECT"), t.status(Syscalls.WRITE));
        t.remove(Syscalls.WRITE, h1);
        assertNull(t.status(Syscalls.WRITE));
        assertEquals(SyscallStatus.full(), SyscallStatus.parse("full"));
        assertEquals(SyscallStatus.enosys("on purpose"), SyscallStatus.parse("enosys: on purpose"));
        assertSame(SyscallStatus.UNDECLARED, SyscallStatus.parse(null));
        assertSame(SyscallStatus.UNDECLARED, SyscallStatus.parse("partial:"), "partial must say what is missing");
        assertSame(SyscallStatus.UNDECLARED, SyscallStatus.parse("mostly"));
        assertThrows(IllegalArgumentException.class, () -> SyscallStatus.partial(" "));
    }
}
