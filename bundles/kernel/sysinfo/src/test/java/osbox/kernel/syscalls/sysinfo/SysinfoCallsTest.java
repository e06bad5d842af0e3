package osbox.kernel.syscalls.sysinfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Syscalls;
import osbox.testkit.syscall.ArrayUserMemory;
import osbox.testkit.syscall.FakeSyscall;

/**
 * uname, the clocks, gettimeofday (tz too) and getrandom, as a
 * handler answers them: Linux's layouts, errno for bad clocks, flags and
 * pointers, and simulated time only.
 */
class SysinfoCallsTest {
    static final long BASE = 0x10000;
    static final long BAD = 0xffff_ffc0_0000_0000L;
    static final long SECOND = 1_000_000_000L;
    private final ArrayUserMemory memory = new ArrayUserMemory(BASE, 4096);
    private final FakeSyscall c = new FakeSyscall(memory).clock(0, 2_500_000_000L, SECOND).caller(5, 1500);

    private long longAt(long va) {
        return ByteBuffer.wrap(memory.bytes(), (int) (va - BASE), 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private String field(int i) {
        byte[] b = Arrays.copyOfRange(memory.bytes(), i * 65, i * 65 + 65);
        int end = 0;
        while (b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.US_ASCII);
    }

    @Test
    void unameFillsSixNulTerminatedFieldsOrIsEfault() {
        assertEquals(0, new UnameCall().invoke(c.call(Syscalls.UNAME, BASE)));
        assertEquals("Linux", field(0));
        assertEquals("osbox", field(1));
        assertEquals("6.1.0-osbox", field(2));
        assertEquals("#1 SMP osbox", field(3));
        assertEquals("riscv64", field(4), "the machine qemu-riscv64 reports too");
        assertEquals("(none)", field(5));
        assertEquals(-Errno.EFAULT, new UnameCall().invoke(c.call(Syscalls.UNAME, BAD)));
        assertEquals(-Errno.EFAULT, new UnameCall().invoke(c.call(Syscalls.UNAME, BASE + 4096 - 389)),
                "one byte short of 390");
    }

    @Test
    void clockGettimeReadsSimulatedTimeOnEachClock() {
        ClockGettimeCall gettime = new ClockGettimeCall();
        assertEquals(0, gettime.invoke(c.call(Syscalls.CLOCK_GETTIME, SimClock.CLOCK_MONOTONIC, BASE)));
        assertEquals(2, longAt(BASE));
        assertEquals(500_000_000, longAt(BASE + 8));
        for (int clock : new int[] {SimClock.CLOCK_MONOTONIC_RAW, SimClock.CLOCK_MONOTONIC_COARSE,
                SimClock.CLOCK_BOOTTIME}) {
            assertEquals(0, gettime.invoke(c.call(Syscalls.CLOCK_GETTIME, clock, BASE + 16)));
            assertEquals(2, longAt(BASE + 16), "clock " + clock);
        }
        assertEquals(0, gettime.invoke(c.call(Syscalls.CLOCK_GETTIME, SimClock.CLOCK_REALTIME, BASE)));
        assertEquals(SimClock.EPOCH_SECONDS + 2, longAt(BASE), "from a fixed epoch, so runs repeat");
        assertEquals(500_000_000, longAt(BASE + 8));
        assertEquals(0, gettime.invoke(c.call(Syscalls.CLOCK_GETTIME, SimClock.CLOCK_PROCESS_CPUTIME_ID, BASE)));
        assertEquals(0, longAt(BASE));
        assertEquals(1500, longAt(BASE + 8), "the caller's CPU time");
        assertEquals(-Errno.EINVAL, gettime.invoke(c.call(Syscalls.CLOCK_GETTIME, 8, BASE)), "no such clock");
        assertEquals(-Errno.EINVAL, gettime.invoke(c.call(Syscalls.CLOCK_GETTIME, -1, BASE)));
        assertEquals(-Errno.EFAULT, gettime.invoke(c.call(Syscalls.CLOCK_GETTIME, SimClock.CLOCK_MONOTONIC, BAD)));
        c.clock(0, 250_000_000L, 100_000_000L);
        assertEquals(0, gettime.invoke(c.call(Syscalls.CLOCK_GETTIME, SimClock.CLOCK_MONOTONIC, BASE)));
        assertEquals(2, longAt(BASE), "cycles over the clock rate");
        assertEquals(500_000_000, longAt(BASE + 8));
    }

    @Test
    void clockGetresIsOneCycleRoundedUpToANanosecond() {
        ClockGetresCall getres = new ClockGetresCall();
        assertEquals(0, getres.invoke(c.call(Syscalls.CLOCK_GETRES, SimClock.CLOCK_REALTIME, BASE)));
        assertEquals(0, longAt(BASE));
        assertEquals(1, longAt(BASE + 8));
        c.clock(0, 0, 100_000_000L);
        assertEquals(0, getres.invoke(c.call(Syscalls.CLOCK_GETRES, SimClock.CLOCK_MONOTONIC, BASE)));
        assertEquals(10, longAt(BASE + 8), "100 MHz: 10 ns");
        c.clock(0, 0, 3_000_000_000L);
        assertEquals(0, getres.invoke(c.call(Syscalls.CLOCK_GETRES, SimClock.CLOCK_MONOTONIC, BASE)));
        assertEquals(1, longAt(BASE + 8), "faster than 1 GHz: still 1 ns");
        assertEquals(0, getres.invoke(c.call(Syscalls.CLOCK_GETRES, SimClock.CLOCK_MONOTONIC, 0)), "res may be NULL");
        assertEquals(-Errno.EINVAL, getres.invoke(c.call(Syscalls.CLOCK_GETRES, 42, BASE)));
        assertEquals(-Errno.EINVAL, getres.invoke(c.call(Syscalls.CLOCK_GETRES, 42, 0)), "the clock is checked first");
        assertEquals(-Errno.EFAULT, getres.invoke(c.call(Syscalls.CLOCK_GETRES, SimClock.CLOCK_MONOTONIC, BAD)));
    }

    @Test
    void gettimeofdayFillsTheTimevalAndAZeroTimezone() {
        GettimeofdayCall call = new GettimeofdayCall();
        Arrays.fill(memory.bytes(), (byte) 0xff);
        assertEquals(0, call.invoke(c.call(Syscalls.GETTIMEOFDAY, BASE, BASE + 64)));
        assertEquals(SimClock.EPOCH_SECONDS + 2, longAt(BASE));
        assertEquals(500_000, longAt(BASE + 8), "microseconds");
        assertArrayEquals(new byte[8], Arrays.copyOfRange(memory.bytes(), 64, 72), "tz_minuteswest, tz_dsttime 0");
        assertEquals(-1, memory.bytes()[72], "nothing past struct timezone");
        assertEquals(0, call.invoke(c.call(Syscalls.GETTIMEOFDAY, 0, 0)), "both NULL");
        assertEquals(0, call.invoke(c.call(Syscalls.GETTIMEOFDAY, 0, BASE + 128)), "only tz");
        assertEquals(-Errno.EFAULT, call.invoke(c.call(Syscalls.GETTIMEOFDAY, BASE, BAD)), "a bad tz, as Linux");
        assertEquals(-Errno.EFAULT, call.invoke(c.call(Syscalls.GETTIMEOFDAY, BAD, 0)));
    }

    @Test
    void getrandomGivesSeededBytesAndChecksFlagsAndBuffer() {
        GetrandomCall first = new GetrandomCall();
        assertEquals(16, first.invoke(c.call(Syscalls.GETRANDOM, BASE, 16, 0)));
        byte[] a = Arrays.copyOf(memory.bytes(), 16);
        assertFalse(Arrays.equals(new byte[16], a));
        assertEquals(16, first.invoke(c.call(Syscalls.GETRANDOM, BASE, 16, 1 | 2 | 4)), "NONBLOCK, RANDOM, INSECURE");
        assertFalse(Arrays.equals(a, Arrays.copyOf(memory.bytes(), 16)), "the next bytes differ");
        assertEquals(16, new GetrandomCall().invoke(c.call(Syscalls.GETRANDOM, BASE, 16, 0)));
        assertArrayEquals(a, Arrays.copyOf(memory.bytes(), 16), "a fresh generator repeats: runs are reproducible");
        assertEquals(-Errno.EINVAL, first.invoke(c.call(Syscalls.GETRANDOM, BASE, 16, 8)), "an unknown flag");
        assertEquals(0, first.invoke(c.call(Syscalls.GETRANDOM, BASE, 0, 0)));
        assertEquals(-Errno.EFAULT, first.invoke(c.call(Syscalls.GETRANDOM, BAD, 16, 0)));
    }
}
