package osbox.kernel.core.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.SigInfo;
import osbox.kernel.core.syscall.LinuxSyscallNames;
import osbox.api.kernel.UserMemory;

/** The decoders alone: strings, buffers, flags, errno and signal names, structs, as strace prints them. */
class StraceDecodersTest {
    private static final long BASE = 0x1000;
    private final byte[] bytes = new byte[8192];
    /** 8 KiB of user memory at BASE; everything else faults. */
    private final UserMemory memory = new UserMemory() {
        @Override
        public boolean read(long va, byte[] dst, int off, int len) {
            if (va < BASE || va + len > BASE + bytes.length) {
                return false;
            }
            System.arraycopy(bytes, (int) (va - BASE), dst, off, len);
            return true;
        }

        @Override
        public boolean write(long va, byte[] src, int off, int len) {
            if (va < BASE || va + len > BASE + bytes.length) {
                return false;
            }
            System.arraycopy(src, off, bytes, (int) (va - BASE), len);
            return true;
        }
    };

    private long put(long at, String s) {
        byte[] b = (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
        memory.write(at, b, 0, b.length);
        return at;
    }

    @Test
    void stringsAreQuotedEscapedAndTruncatedAt32BytesAsStraceDoes() {
        assertEquals("\"hello\\n\"", Formats.string(memory, put(BASE, "hello\n"), 32));
        assertEquals("\"tab\\there \\\"q\\\" back\\\\slash\"",
                Formats.string(memory, put(BASE, "tab\there \"q\" back\\slash"), 32));
        assertEquals("\"\\33[0m\\r\\v\\f\"", Formats.string(memory, put(BASE, "\u001b[0m\r\u000b\f"), 32));
        assertEquals("\"\\0011\"", Formats.quote(new byte[] {1, '1'}, 2, false), "an octal digit follows: 3 digits");
        assertEquals("\"\\1x\"", Formats.quote(new byte[] {1, 'x'}, 2, false));
        assertEquals("\"" + "a".repeat(32) + "\"", Formats.string(memory, put(BASE, "a".repeat(32)), 32),
                "exactly 32: whole");
        assertEquals("\"" + "a".repeat(32) + "\"...", Formats.string(memory, put(BASE, "a".repeat(33)), 32));
        assertEquals("NULL", Formats.string(memory, 0, 32));
        assertEquals("0x9000", Formats.string(memory, 0x9000, 32), "unreadable: the pointer");
    }

    @Test
    void buffersShowTheirFirst32BytesAndHexOnlyForBinaryData() {
        put(BASE, "0123456789abcdefghijklmnopqrstuvwxyz");
        assertEquals("\"0123\"", Formats.buffer(memory, BASE, 4, false));
        assertEquals("\"0123456789abcdefghijklmnopqrstuv\"...", Formats.buffer(memory, BASE, 36, false));
        assertEquals("\"\\x30\\x31\"", Formats.buffer(memory, BASE, 2, true));
        assertEquals("\"\"", Formats.buffer(memory, BASE, 0, false));
    }

    @Test
    void flagsAreNamedWithUnknownBitsInHex() {
        assertEquals("O_RDONLY", Flags.openFlags(0));
        assertEquals("O_RDONLY|O_CLOEXEC", Flags.openFlags(02000000));
        assertEquals("O_WRONLY|O_CREAT|O_TRUNC", Flags.openFlags(01101));
        assertEquals("O_RDWR|O_SYNC", Flags.openFlags(04010002), "O_SYNC includes O_DSYNC's bit");
        assertEquals("PROT_NONE", Flags.PROT.format(0));
        assertEquals("PROT_READ|PROT_WRITE|0x100", Flags.PROT.format(0x103));
        assertEquals("MAP_PRIVATE|MAP_ANONYMOUS", Flags.mapFlags(0x22));
        assertEquals("CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD", Flags.cloneFlags(0x1200011));
        assertEquals("SIGCHLD", Flags.cloneFlags(17));
        assertEquals("WNOHANG|WSTOPPED", Flags.WAIT.format(3));
        assertEquals("0", Flags.WAIT.format(0));
        assertEquals("TCGETS", Flags.IOCTL.format(0x5401));
        assertEquals("0x1234", Flags.IOCTL.format(0x1234));
        assertEquals("F_OK", Flags.ACCESS.format(0));
        assertEquals("R_OK|X_OK", Flags.ACCESS.format(5));
    }

    @Test
    void errnoNamesAndMessagesAreLinuxsAndAgreeWithTheApi() {
        assertEquals("ENOENT", ErrnoNames.name(2));
        assertEquals("No such file or directory", ErrnoNames.message(2));
        assertEquals("ENOSYS", ErrnoNames.name(38));
        assertEquals("Function not implemented", ErrnoNames.message(38));
        assertEquals("EOPNOTSUPP", ErrnoNames.name(95));
        assertEquals("ERESTARTSYS", ErrnoNames.name(512));
        assertEquals("E700", ErrnoNames.name(700));
        assertEquals("Unknown error 700", ErrnoNames.message(700));
        for (int e = 1; e < 600; e++) {
            String api = Errno.name(e);
            if (!api.equals(Integer.toString(e))) {
                assertEquals(api, ErrnoNames.name(e), "errno " + e + ": osbox.api.kernel.Errno and strace agree");
            }
        }
    }

    @Test
    void signalsAndSetsUseStracesNames() {
        assertEquals("SIGCHLD", SignalNames.name(17));
        assertEquals("SIGRTMIN", SignalNames.name(32));
        assertEquals("SIGRT_2", SignalNames.name(34));
        assertEquals("[]", SignalNames.set(0));
        assertEquals("[INT CHLD]", SignalNames.set(1L << 1 | 1L << 16));
        assertEquals("~[KILL STOP]", SignalNames.set(~(1L << 8 | 1L << 18)));
        // the kernel's own siginfo (what a handler gets), decoded as strace decodes it
        assertEquals("{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=2, si_uid=0, si_status=3, si_utime=0,"
                + " si_stime=0}", SiginfoFormat.describe(new SigInfo(17, SigInfo.CLD_EXITED, 2, 0, 3, 0).bytes()));
        assertEquals("{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=2, si_uid=0, si_status=SIGTERM, si_utime=0,"
                + " si_stime=0}", SiginfoFormat.describe(new SigInfo(17, SigInfo.CLD_KILLED, 2, 0, 15, 0).bytes()));
        assertEquals("{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}",
                SiginfoFormat.describe(SigInfo.fault(11, SigInfo.SEGV_MAPERR, 0x10).bytes()));
        assertEquals("{si_signo=SIGKILL, si_code=SI_KERNEL}", SiginfoFormat.describe(SigInfo.kernel(9).bytes()));
        assertEquals("{si_signo=SIGTERM, si_code=SI_TKILL, si_pid=7, si_uid=0}",
                SiginfoFormat.describe(SigInfo.user(15, SigInfo.SI_TKILL, 7).bytes()));
    }

    @Test
    void structsAreAbbreviatedAsStraceAbbreviatesThem() {
        byte[] stat = new byte[128];
        stat[16] = (byte) 0xa4;                 // st_mode 0100644
        stat[17] = (byte) 0x81;
        stat[48] = 42;                          // st_size
        memory.write(BASE, stat, 0, 128);
        assertEquals("{st_mode=S_IFREG|0644, st_size=42, ...}", Structs.stat(memory, BASE));
        memory.writeLong(BASE, 1);
        memory.writeLong(BASE + 8, 500_000_000);
        assertEquals("{tv_sec=1, tv_nsec=500000000}", Structs.timespec(memory, BASE));
        memory.writeLong(BASE, 8L << 20);
        memory.writeLong(BASE + 8, -1);
        assertEquals("{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}", Structs.rlimit(memory, BASE, "RLIM64_INFINITY"));
        memory.writeInt(BASE, 0x0300);
        assertEquals("[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]", Structs.waitStatus(memory, BASE));
        memory.writeInt(BASE, 0x8b);
        assertEquals("[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]", Structs.waitStatus(memory, BASE));
    }

    @Test
    void everyDecoderIsNamedAsLinuxRiscv64NamesItsNumber() {
        for (int n : SyscallDecoders.numbers()) {
            assertEquals(LinuxSyscallNames.name(n), SyscallDecoders.lookup(n).name(), "syscall " + n);
        }
    }

    // the argument list of call nr with a0.. = args, after it answered result
    private String arguments(int nr, long result, long... args) {
        long[] registers = new long[6];
        System.arraycopy(args, 0, registers, 0, args.length);
        CallArgs c = new CallArgs();
        c.enter(registers, 0, memory);
        c.answer(result, memory);
        StringBuilder out = new StringBuilder();
        SyscallDecoders.lookup(nr).args().append(c, out);
        return out.toString();
    }

    @Test
    void futexPrintsTheArgumentsItsCommandReads() {
        assertEquals("0x1100, FUTEX_WAIT_PRIVATE, 2, NULL", arguments(98, 0, 0x1100, 128, 2, 0, 0, 0));
        assertEquals("0x1100, FUTEX_WAKE_PRIVATE, 1", arguments(98, 1, 0x1100, 129, 1, 0x55, 0x66, 0x77));
        memory.writeLong(BASE, 1);
        memory.writeLong(BASE + 8, 0);
        assertEquals("0x1100, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0},"
                + " FUTEX_BITSET_MATCH_ANY", arguments(98, 0, 0x1100, 9 | 128 | 256, 0, BASE, 0, 0xffffffffL));
        assertEquals("0x1100, FUTEX_CMP_REQUEUE, 1, 2147483647, 0x1200, 0x3",
                arguments(98, 0, 0x1100, 4, 1, Integer.MAX_VALUE, 0x1200, 3));
    }

    @Test
    void pselect6PrintsTheSetsTimeoutAndMask() {
        memory.writeLong(BASE, 0b1001);             // read set: 0 and 3
        memory.writeLong(BASE + 64, 0);             // timeout {0, 5}
        memory.writeLong(BASE + 72, 5);
        memory.writeLong(BASE + 128, BASE + 256);   // {sigmask, 8}
        memory.writeLong(BASE + 136, 8);
        memory.writeLong(BASE + 256, 1L << 16);     // [CHLD]
        assertEquals("4, [0 3], NULL, NULL, {tv_sec=0, tv_nsec=5}, {sigmask=[CHLD], sigsetsize=8}",
                arguments(72, 1, 4, BASE, 0, 0, BASE + 64, BASE + 128));
        assertEquals("1, NULL, NULL, NULL, NULL, NULL", arguments(72, 0, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void sendfileShowsHowItMovedTheOffset() {
        assertEquals("1, 3, NULL, 16777216", arguments(71, 29, 1, 3, 0, 1 << 24));
        memory.writeLong(BASE, 29);
        assertEquals("1, 3, [0] => [29], 100", arguments(71, 29, 1, 3, BASE, 100));
        assertEquals("1, 3, [29], 100", arguments(71, -Errno.EBADF, 1, 3, BASE, 100));
    }

    @Test
    void usageTimerSysinfoAndStatxStructs() {
        byte[] usage = new byte[144];
        usage[0] = 2;                               // ru_utime {2, 300}
        usage[8] = (byte) 300;
        usage[9] = 1;
        memory.write(BASE, usage, 0, usage.length);
        assertEquals("RUSAGE_SELF, {ru_utime={tv_sec=2, tv_usec=300}, ru_stime={tv_sec=0, tv_usec=0}, ...}",
                arguments(165, 0, 0, BASE));
        assertEquals("RUSAGE_CHILDREN, 0x1000", arguments(165, -Errno.EINVAL, -1, BASE), "failed: the pointer");
        memory.writeInt(BASE + 512, 0);
        assertEquals("-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, {ru_utime={tv_sec=2, tv_usec=300},"
                + " ru_stime={tv_sec=0, tv_usec=0}, ...}", arguments(260, 5, -1, BASE + 512, 0, BASE));
        byte[] info = new byte[112];
        info[0] = 12;                               // uptime
        info[33] = 1;                               // totalram 256
        info[80] = 3;                               // procs
        info[104] = 1;                              // mem_unit
        memory.write(BASE, info, 0, info.length);
        assertEquals("{uptime=12, loads=[0, 0, 0], totalram=256, freeram=0, sharedram=0, bufferram=0, totalswap=0,"
                + " freeswap=0, procs=3, totalhigh=0, freehigh=0, mem_unit=1}", arguments(179, 0, BASE));
        memory.write(BASE, new byte[32], 0, 32);
        memory.writeLong(BASE + 16, 1);
        assertEquals("ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1, tv_usec=0}}, NULL",
                arguments(103, 0, 1, BASE, 0));
        assertEquals("ITIMER_PROF, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1, tv_usec=0}}",
                arguments(102, 0, 2, BASE));
        byte[] stx = new byte[256];
        stx[0] = (byte) 0xff;                       // stx_mask STATX_BASIC_STATS
        stx[1] = 0x07;
        stx[0x1c] = (byte) 0xa4;                    // stx_mode 0100644
        stx[0x1d] = (byte) 0x81;
        stx[0x28] = 29;                             // stx_size
        memory.write(BASE, stx, 0, stx.length);
        put(BASE + 512, "/host/a");
        assertEquals("AT_FDCWD, \"/host/a\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, STATX_ALL, {stx_mask="
                + "STATX_BASIC_STATS, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=29, ...}",
                arguments(291, 0, -100, BASE + 512, 0x100, 0xfff, BASE));
    }
}
