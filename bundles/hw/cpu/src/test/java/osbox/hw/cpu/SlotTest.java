package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The slot word: every field packed comes back out of its accessor, at the edges of its range. */
class SlotTest {
    @Test
    void everyFieldRoundTripsAtItsLimits() {
        long w = Slot.pack(Ops.COUNT - 1, 31, 0, 31, Integer.MIN_VALUE, 4, 127);
        assertEquals(Ops.COUNT - 1, Slot.op(w));
        assertEquals(31, Slot.rd(w));
        assertEquals(0, Slot.rs1(w));
        assertEquals(31, Slot.rs2(w));
        assertEquals(Integer.MIN_VALUE, Slot.imm(w));
        assertEquals(4, Slot.len(w));
        assertEquals(127, Slot.cost(w));

        long v = Slot.pack(Ops.ADDI, 0, 31, 0, -1, 2, 0);
        assertEquals(Ops.ADDI, Slot.op(v));
        assertEquals(0, Slot.rd(v));
        assertEquals(31, Slot.rs1(v));
        assertEquals(0, Slot.rs2(v));
        assertEquals(-1, Slot.imm(v), "the immediate is sign-extended");
        assertEquals(2, Slot.len(v));
        assertEquals(0, Slot.cost(v));
    }

    @Test
    void fieldsDoNotBleedIntoEachOther() {
        int[] registers = {1, 2, 3, 5, 8, 13, 21, 30};
        for (int rd : registers) {
            for (int rs1 : registers) {
                long w = Slot.pack(Ops.ADD, rd, rs1, 31 - rd, 0x7fffffff, 4, 1);
                assertEquals(rd, Slot.rd(w));
                assertEquals(rs1, Slot.rs1(w));
                assertEquals(31 - rd, Slot.rs2(w));
                assertEquals(Ops.ADD, Slot.op(w));
                assertEquals(1, Slot.cost(w));
                assertEquals(0x7fffffff, Slot.imm(w));
            }
        }
    }

    @Test
    void aDecoderBugIsRefusedLoudly() {
        assertThrows(IllegalArgumentException.class, () -> Slot.pack(128, 0, 0, 0, 0, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> Slot.pack(Ops.ADD, 0, 0, 0, 0, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> Slot.pack(Ops.ADD, 0, 0, 0, 0, 4, 128));
    }
}
