package osbox.kernel.syscalls.sysinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.testkit.syscall.ArrayUserMemory;
import osbox.testkit.syscall.FakeSyscall;

/** riscv_hwprobe: RV64GC's keys, -1 for unknown keys, and Linux's checks of flags, cpu set and pointers. */
class RiscvHwprobeCallTest {
    static final long BASE = 0x10000;
    static final long BAD = 0xffff_ffc0_0000_0000L;
    private final ArrayUserMemory memory = new ArrayUserMemory(BASE, 4096);
    private final FakeSyscall c = new FakeSyscall(memory);
    private final RiscvHwprobeCall call = new RiscvHwprobeCall();

    private long at(long va) {
        return ByteBuffer.wrap(memory.bytes(), (int) (va - BASE), 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private void put(long va, long v) {
        memory.writeLong(va, v);
    }

    @Test
    void answersEachKeyAndMarksUnknownOnes() {
        long[] keys = {3, 4, 5, 0, 99, -7};
        for (int i = 0; i < keys.length; i++) {
            put(BASE + 16L * i, keys[i]);
            put(BASE + 16L * i + 8, 0x5555);
        }
        assertEquals(0, call.invoke(c.call(RiscvHwprobeCall.NUMBER, BASE, keys.length, 0, 0, 0)));
        assertEquals(3, at(BASE));
        assertEquals(1, at(BASE + 8), "BASE_BEHAVIOR: IMA");
        assertEquals(4, at(BASE + 16));
        assertEquals(3, at(BASE + 24), "IMA_EXT_0: FD and C");
        assertEquals(0, at(BASE + 40), "CPUPERF_0: misaligned speed unknown");
        assertEquals(0, at(BASE + 56), "mvendorid 0");
        assertEquals(-1, at(BASE + 64), "an unknown key becomes -1");
        assertEquals(0, at(BASE + 72), "with value 0");
        assertEquals(-1, at(BASE + 80));
    }

    @Test
    void checksFlagsTheCpuSetAndThePointers() {
        put(BASE, 4);
        assertEquals(-Errno.EINVAL, call.invoke(c.call(RiscvHwprobeCall.NUMBER, BASE, 1, 0, 0, 1)), "flags");
        put(BASE + 512, 0);
        assertEquals(-Errno.EINVAL, call.invoke(c.call(RiscvHwprobeCall.NUMBER, BASE, 1, 8, BASE + 512, 0)),
                "an empty cpu set");
        assertEquals(-Errno.EFAULT, call.invoke(c.call(RiscvHwprobeCall.NUMBER, BASE, 1, 8, BAD, 0)));
        put(BASE + 512, 1);
        assertEquals(0, call.invoke(c.call(RiscvHwprobeCall.NUMBER, BASE, 1, 128, BASE + 512, 0)), "hart 0");
        assertEquals(3, at(BASE + 8));
        assertEquals(-Errno.EFAULT, call.invoke(c.call(RiscvHwprobeCall.NUMBER, BAD, 1, 0, 0, 0)));
        assertEquals(0, call.invoke(c.call(RiscvHwprobeCall.NUMBER, BAD, 0, 0, 0, 0)), "no pairs: nothing read");
    }
}
