package osbox.ipc.sysv.shm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.ipc.IpcObjectInfo;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Syscalls;
import osbox.api.memory.AddressSpace;
import osbox.ipc.sysv.common.Ipc;
import osbox.testkit.hw.FakeMachine;
import osbox.testkit.syscall.ArrayUserMemory;
import osbox.testkit.syscall.FakeSyscall;

/**
 * shmget, shmat, shmdt and shmctl as Linux answers them: sizes and limits,
 * keys and permissions, where segments attach, how attachments are counted
 * through fork, detach and exit, removal while attached, and the ipcs
 * structures.
 */
class ShmCallsTest {
    static final long BASE = 0x10000;
    static final long BUF = BASE + 0x100;
    static final long BAD = 0xffff_ffc0_0000_0000L;
    static final long PAGE = 4096;
    static final long ADDR = 0x20_0000_0000L;

    private final ArrayUserMemory memory = new ArrayUserMemory(BASE, 8192);
    private final FakeShmMemory vm = new FakeShmMemory();
    private final FakeMachine machine = new FakeMachine(1);
    private final ShmSegments segments = new ShmSegments(vm.manager(), machine);
    private final ShmgetCall shmget = new ShmgetCall(segments);
    private final ShmatCall shmat = new ShmatCall(segments);
    private final ShmdtCall shmdt = new ShmdtCall(segments);
    private final ShmctlCall shmctl = new ShmctlCall(segments);

    private FakeSyscall call(int pid, int nr, long... args) {
        return new FakeSyscall(memory).caller(pid, 0).call(nr, args);
    }

    private long get(int key, long size, int flag) {
        return shmget.invoke(call(100, Syscalls.SHMGET, key, size, flag));
    }

    private long at(int pid, long id, long addr, int flag) {
        return shmat.invoke(call(pid, Syscalls.SHMAT, id, addr, flag));
    }

    private long dt(int pid, long addr) {
        return shmdt.invoke(call(pid, Syscalls.SHMDT, addr));
    }

    private long ctl(long id, int cmd, long buf) {
        return shmctl.invoke(call(100, Syscalls.SHMCTL, id, cmd, buf));
    }

    private ByteBuffer at(long va, int n) {
        return ByteBuffer.wrap(memory.bytes(), (int) (va - BASE), n).order(ByteOrder.LITTLE_ENDIAN).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    // IPC_STAT into BUF: {key, uid, mode, segsz, atime, dtime, ctime, cpid, lpid, nattch}.
    private long[] stat(long id) {
        assertEquals(0, ctl(id, Ipc.IPC_STAT, BUF));
        ByteBuffer b = at(BUF, ShmctlCall.SHMID_DS_SIZE);
        return new long[] {b.getInt(0), b.getInt(4), b.getInt(20), b.getLong(48), b.getLong(56), b.getLong(64),
            b.getLong(72), b.getInt(80), b.getInt(84), b.getLong(88)};
    }

    @Test
    void shmgetMakesSegmentsByKeyAndPrivatelyWithLinuxErrors() {
        assertEquals(0, get(Ipc.IPC_PRIVATE, 100, 0600));
        assertEquals(1, get(Ipc.IPC_PRIVATE, PAGE + 1, 0600));
        assertEquals(2, vm.made.get(1).pages(), "rounded up to whole pages");
        assertEquals(-Errno.ENOENT, get(42, 10, 0600), "no IPC_CREAT");
        assertEquals(2, get(42, 10, Ipc.IPC_CREAT | 0600));
        assertEquals(2, get(42, 0, 0), "an existing key: size 0 is fine");
        assertEquals(2, get(42, 10, Ipc.IPC_CREAT));
        assertEquals(-Errno.EINVAL, get(42, 11, 0), "larger than the segment");
        assertEquals(-Errno.EEXIST, get(42, 10, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
        assertEquals(-Errno.EINVAL, get(Ipc.IPC_PRIVATE, 0, 0600), "below shmmin");
        assertEquals(-Errno.ENOMEM, get(Ipc.IPC_PRIVATE, 1L << 50, 0600), "more pages than the VM manager holds");
        assertEquals(-Errno.EINVAL, get(Ipc.IPC_PRIVATE, -1L, 0600), "ULONG_MAX is above shmmax");
        segments.setLimits(new ShmLimits(-1L, ShmLimits.UNLIMITED, 4096, 1));
        assertEquals(-Errno.ENOSPC, get(Ipc.IPC_PRIVATE, -1L, 0600), "shmmax ULONG_MAX: rounding up wraps");
        segments.setLimits(new ShmLimits(8 * PAGE, 7, 4, 1));
        assertEquals(-Errno.EINVAL, get(Ipc.IPC_PRIVATE, 8 * PAGE + 1, 0600), "above shmmax");
        assertEquals(-Errno.ENOSPC, get(Ipc.IPC_PRIVATE, 4 * PAGE, 0600), "4 pages in use + 4 > shmall 7");
        assertEquals(3, get(Ipc.IPC_PRIVATE, 2 * PAGE, 0600));
        assertEquals(-Errno.ENOSPC, get(Ipc.IPC_PRIVATE, 1, 0600), "shmmni segments");
        assertEquals(5, vm.made.size(), "refused segments made no pages but the one the full table refused");
        assertTrue(vm.made.get(4).released(), "which was given back");
        assertEquals(6, segments.totalPages());
    }

    @Test
    void permissionsFollowTheModeAndShmatAsksReadAndWrite() {
        long id = get(7, PAGE, Ipc.IPC_CREAT | 0640);
        assertEquals(-Errno.EACCES, shmget.invoke(call(200, Syscalls.SHMGET, 7, 0, 0400).credentials(1000, 1000)));
        assertEquals(id, shmget.invoke(call(200, Syscalls.SHMGET, 7, 0, 0040).credentials(1000, 0)), "group reads");
        assertEquals(-Errno.EACCES, shmat.invoke(call(200, Syscalls.SHMAT, id, 0, 0).credentials(1000, 0)),
                "the group may not write");
        long ro = shmat.invoke(call(200, Syscalls.SHMAT, id, 0, Shm.SHM_RDONLY).credentials(1000, 0));
        assertTrue(ro > 0, "read-only is allowed");
        assertEquals(-Errno.EACCES, shmat.invoke(call(200, Syscalls.SHMAT, id, 0, Shm.SHM_EXEC | Shm.SHM_RDONLY)
                .credentials(1000, 0)), "SHM_EXEC: the group has no execute bit");
        assertEquals(-Errno.EPERM, shmctl.invoke(call(200, Syscalls.SHMCTL, id, Ipc.IPC_RMID, 0).credentials(1000, 0)));
        assertEquals(-Errno.EPERM, shmctl.invoke(call(200, Syscalls.SHMCTL, id, Shm.SHM_LOCK, 0).credentials(1000, 0)),
                "SHM_LOCK: not the owner");
        assertEquals(-Errno.EACCES, shmctl.invoke(call(200, Syscalls.SHMCTL, id, Ipc.IPC_STAT, BUF).credentials(1, 1)));
        assertEquals(0, shmctl.invoke(call(200, Syscalls.SHMCTL, id, Shm.SHM_STAT_ANY, BUF).credentials(1, 1)) - id);
    }

    @Test
    void shmatPlacesSegmentsWhereAskedOrTopDown() {
        long id = get(Ipc.IPC_PRIVATE, 2 * PAGE, 0600);
        long first = at(100, id, 0, 0);
        assertEquals(AddressSpace.MMAP_TOP - 2 * PAGE, first, "NULL: the kernel chooses, top-down");
        assertEquals(first - 2 * PAGE, at(100, id, 0, 0), "attached twice: below the first");
        assertEquals(ADDR, at(100, id, ADDR, 0));
        assertEquals(-Errno.EINVAL, at(100, id, ADDR + PAGE, 0), "overlaps an attachment");
        assertEquals(ADDR, at(100, id, ADDR, Shm.SHM_REMAP), "SHM_REMAP replaces it");
        assertEquals(-Errno.EINVAL, at(100, id, ADDR + 8 * PAGE + 12, 0), "not aligned, no SHM_RND");
        assertEquals(ADDR + 8 * PAGE, at(100, id, ADDR + 8 * PAGE + 12, Shm.SHM_RND), "SHM_RND rounds down");
        assertEquals(-Errno.EINVAL, at(100, id, 0, Shm.SHM_REMAP), "SHM_REMAP needs an address");
        assertEquals(-Errno.EINVAL, at(100, id, 12, Shm.SHM_RND | Shm.SHM_REMAP), "rounded to 0 with SHM_REMAP");
        assertEquals(-Errno.EPERM, at(100, id, 12, Shm.SHM_RND), "rounded to 0: below mmap_min_addr");
        assertEquals(-Errno.ENOMEM, at(100, id, AddressSpace.MMAP_TOP - PAGE, Shm.SHM_REMAP), "past the top of the mappings");
        assertEquals(-Errno.EINVAL, at(100, id, -PAGE, 0), "the range wraps past 2^64");
        assertEquals(-Errno.ENOMEM, at(100, id, BAD, 0), "a kernel address");
        assertEquals(-Errno.EINVAL, at(100, id + 1, 0, 0), "no such segment");
        assertEquals(-Errno.EINVAL, at(100, -1, 0, 0));
        assertEquals(4, stat(id)[9], "four attachments: the replaced one went");
    }

    @Test
    void attachmentsAreCountedThroughForkDetachAndExit() {
        machine.advanceTo(3 * machine.frequencyHz());
        long id = get(Ipc.IPC_PRIVATE, PAGE, 0600);
        long[] s = stat(id);
        assertEquals(100, s[7], "cpid");
        assertEquals(0, s[8], "no lpid yet");
        assertEquals(0, s[4]);
        long ctime = s[6];
        long va = at(100, id, 0, 0);
        machine.advanceTo(5 * machine.frequencyHz());
        vm.space(100).fork(101);
        s = stat(id);
        assertEquals(2, s[9], "the child inherited the attachment");
        assertEquals(100, s[8], "fork is the parent's doing");
        assertEquals(ctime + 2, s[4], "the attach time is fork's");
        assertEquals(-Errno.EINVAL, dt(101, va + 8), "not aligned");
        assertEquals(-Errno.EINVAL, dt(101, va + PAGE), "nothing attached there");
        assertEquals(0, dt(101, va));
        assertEquals(-Errno.EINVAL, dt(101, va), "detached already");
        s = stat(id);
        assertEquals(1, s[9]);
        assertEquals(101, s[8]);
        assertEquals(ctime + 2, s[5], "the detach time");
        vm.space(100).exit();
        assertEquals(0, stat(id)[9], "exit detaches");
        assertFalse(vm.made.get(0).released(), "a segment stays without attachments");
    }

    @Test
    void rmidWhileAttachedMarksItAndTheLastDetachDestroysIt() {
        long id = get(99, PAGE, Ipc.IPC_CREAT | 0600);
        long va = at(100, id, 0, 0);
        vm.space(100).fork(101);
        assertEquals(0, ctl(id, Ipc.IPC_RMID, 0));
        long[] s = stat(id);
        assertEquals(0, s[0], "the key reads IPC_PRIVATE");
        assertEquals(Shm.SHM_DEST | 0600, s[2], "SHM_DEST in the mode");
        assertEquals(-Errno.ENOENT, get(99, PAGE, 0), "the key no longer finds it");
        long again = get(99, PAGE, Ipc.IPC_CREAT | 0600);
        assertTrue(again != id, "a new segment for the key");
        assertTrue(at(101, id, 0, 0) > 0, "Linux still attaches by id");
        assertEquals(List.of(0, 1), segments.objects().stream().map(o -> o.id() % 32768).toList());
        assertEquals(Shm.SHM_DEST | 0600, segments.objects().get(0).mode());
        assertEquals(0, dt(100, va));
        vm.space(101).exit();
        assertEquals(-Errno.EINVAL, ctl(id, Ipc.IPC_STAT, BUF), "the last detach destroyed it");
        assertTrue(vm.made.get(0).freed, "its pages are freed");
        assertEquals(1, segments.totalPages());
        assertEquals(0, ctl(again, Ipc.IPC_RMID, 0));
        assertTrue(vm.made.get(1).freed, "unattached: it goes at once");
        assertEquals(-Errno.EINVAL, ctl(again, Ipc.IPC_RMID, 0));
        assertEquals(0, segments.totalPages());
    }

    @Test
    void ipcSetChangesOwnerAndModeBitsOnly() {
        long id = get(Ipc.IPC_PRIVATE, PAGE, 0600);
        at(100, id, 0, 0);
        assertEquals(0, ctl(id, Shm.SHM_LOCK, 0));
        ByteBuffer b = at(BUF, ShmctlCall.SHMID_DS_SIZE);
        b.putInt(4, 1000).putInt(8, 1001).putInt(20, 0644);
        assertEquals(0, ctl(id, Ipc.IPC_SET, BUF));
        long[] s = stat(id);
        assertEquals(1000, s[1]);
        assertEquals(Shm.SHM_LOCKED | 0644, s[2], "SHM_LOCKED stays");
        assertEquals(0, ctl(id, Shm.SHM_UNLOCK, 0), "the creator still may");
        assertEquals(0644, stat(id)[2]);
        assertEquals(-Errno.EFAULT, ctl(id, Ipc.IPC_SET, BAD));
        assertEquals(-Errno.EFAULT, ctl(id, Ipc.IPC_STAT, BAD));
        assertEquals(-Errno.EINVAL, ctl(id, 99, BUF), "no such command");
        assertEquals(-Errno.EINVAL, ctl(-1, Ipc.IPC_STAT, BUF));
    }

    @Test
    void theIpcsCommandsAnswerLimitsUsageAndIndexes() {
        assertEquals(0, ctl(0, Ipc.IPC_INFO, BUF), "no segment: index 0");
        ByteBuffer b = at(BUF, ShmctlCall.SHMINFO_SIZE);
        assertEquals(ShmLimits.UNLIMITED, b.getLong(0), "shmmax: ULONG_MAX - 2^24");
        assertEquals(1, b.getLong(8));
        assertEquals(4096, b.getLong(16));
        assertEquals(4096, b.getLong(24), "shmseg is shmmni");
        assertEquals(ShmLimits.UNLIMITED, b.getLong(32));
        get(Ipc.IPC_PRIVATE, PAGE, 0600);
        long second = get(Ipc.IPC_PRIVATE, 3 * PAGE, 0600);
        assertEquals(1, ctl(0, Shm.SHM_INFO, BUF), "the highest index in use");
        b = at(BUF, ShmctlCall.SHM_INFO_SIZE);
        assertEquals(2, b.getInt(0), "used_ids");
        assertEquals(4, b.getLong(8), "shm_tot in pages");
        assertEquals(second, ctl(1, Shm.SHM_STAT, BUF), "SHM_STAT answers the id");
        assertEquals(3 * PAGE, at(BUF, ShmctlCall.SHMID_DS_SIZE).getLong(48));
        assertEquals(-Errno.EINVAL, ctl(5, Shm.SHM_STAT, BUF));
        assertEquals(-Errno.EFAULT, ctl(0, Ipc.IPC_INFO, BAD));
        assertEquals(-Errno.EFAULT, ctl(0, Shm.SHM_INFO, BAD));
    }

    @Test
    void ipcListRowsCarrySizeAttachmentsAndStatus() {
        long id = get(0x1234, 5000, Ipc.IPC_CREAT | 0640);
        at(100, id, 0, 0);
        at(100, id, 0, 0);
        IpcObjectInfo row = segments.objects().get(0);
        assertEquals(new IpcObjectInfo("shm", 0x1234, (int) id, 0, 0, 0640, 5000, 2, 0), row);
        assertEquals("shm", segments.kind());
    }

    @Test
    void stoppingTheBundleLetsGoOfEverySegment() {
        long id = get(Ipc.IPC_PRIVATE, PAGE, 0600);
        at(100, id, 0, 0);
        get(Ipc.IPC_PRIVATE, PAGE, 0600);
        segments.deactivate();
        assertTrue(vm.made.get(0).released() && !vm.made.get(0).freed, "attached: the pages stay for the process");
        assertTrue(vm.made.get(1).freed);
        assertNull(vm.made.get(0).listener);
        assertTrue(segments.objects().isEmpty());
    }

    @Test
    void anUpdateHandsTheSegmentsToTheNextRevisionWithTheirAttachments() {
        long keyed = get(0x1234, 2 * PAGE, Ipc.IPC_CREAT | 0640);
        long va = at(100, keyed, 0, 0);
        long removed = get(0x99, PAGE, Ipc.IPC_CREAT | 0600);
        long vb = at(101, removed, 0, 0);
        assertEquals(0, ctl(removed, Ipc.IPC_RMID, 0), "SHM_DEST, key private, still attached");
        long fresh = get(0x99, PAGE, Ipc.IPC_CREAT | 0600);
        long[] before = stat(keyed);
        byte[] state = segments.exportState();

        ShmSegments next = new ShmSegments(vm.manager(), machine);
        next.importState(state);
        ShmgetCall nextGet = new ShmgetCall(next);
        ShmctlCall nextCtl = new ShmctlCall(next);
        ShmdtCall nextDt = new ShmdtCall(next);
        assertEquals(keyed, nextGet.invoke(call(100, Syscalls.SHMGET, 0x1234, 0, 0)), "the key finds the same id");
        assertEquals(fresh, nextGet.invoke(call(100, Syscalls.SHMGET, 0x99, 0, 0)), "the removed one's key is free");
        assertEquals(0, nextCtl.invoke(call(100, Syscalls.SHMCTL, keyed, Ipc.IPC_STAT, BUF)));
        ByteBuffer b = at(BUF, ShmctlCall.SHMID_DS_SIZE);
        assertEquals(before[2], b.getInt(20), "mode");
        assertEquals(2 * PAGE, b.getLong(48), "size");
        assertEquals(before[7], b.getInt(80), "cpid");
        assertEquals(1, b.getLong(88), "the attachment is still counted");
        assertEquals(4, next.totalPages(), "shm_tot: 2 + 1 + 1 (the removed one counts until its last detach)");
        assertEquals(segments.objects(), next.objects(), "ipc:list shows the same segments");
        assertTrue(vm.made.get(0).listener != null && !vm.made.get(0).released());

        assertEquals(0, nextDt.invoke(call(101, Syscalls.SHMDT, vb)), "detached through the new revision");
        assertTrue(vm.made.get(1).freed, "the removed segment went at its last detach, heard by the new revision");
        assertEquals(-Errno.EINVAL, nextCtl.invoke(call(100, Syscalls.SHMCTL, removed, Ipc.IPC_STAT, BUF)));
        assertEquals(0, nextDt.invoke(call(100, Syscalls.SHMDT, va)));
        assertEquals(0, vm.made.get(0).attachments);
    }

    @Test
    void aSnapshotNamingNoLiveSegmentIsRefusedWhole() {
        long id = get(0x77, PAGE, Ipc.IPC_CREAT | 0600);
        byte[] state = segments.exportState();
        assertEquals(0, ctl(id, Ipc.IPC_RMID, 0), "released: its handle no longer names a segment");
        ShmSegments next = new ShmSegments(vm.manager(), machine);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> next.importState(state));
        assertTrue(e.getMessage().contains("handle 1"), e.getMessage());
        assertTrue(next.objects().isEmpty(), "nothing restored");
        byte[] cut = java.util.Arrays.copyOf(state, state.length - 3);
        assertThrows(IllegalArgumentException.class, () -> next.importState(cut), "truncated");
        assertTrue(next.objects().isEmpty());
    }
}
