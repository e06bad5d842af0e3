package osbox.kernel.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One ELF64 program header. Offsets, addresses and sizes are unsigned 64-bit
 * values held in longs.
 *
 * @param index  its position in the program header table (readelf's segment number)
 * @param type   p_type
 * @param flags  p_flags (PF_R, PF_W, PF_X)
 * @param offset p_offset
 * @param vaddr  p_vaddr
 * @param filesz p_filesz
 * @param memsz  p_memsz
 */
record ProgramHeader(int index, long type, int flags, long offset, long vaddr, long filesz, long memsz) {
    /** Size of an ELF64 program header. */
    static final int SIZE = 56;

    static final long PT_LOAD = 1;
    static final long PT_DYNAMIC = 2;
    static final long PT_INTERP = 3;
    static final long PT_PHDR = 6;

    static final int PF_X = 1;
    static final int PF_W = 2;
    static final int PF_R = 4;

    // Reads header `index` of the table at `phoff`; the caller has checked it lies inside the file.
    static ProgramHeader read(byte[] file, long phoff, int index) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int at = (int) (phoff + (long) index * SIZE);
        return new ProgramHeader(index,
                Integer.toUnsignedLong(b.getInt(at)),
                b.getInt(at + 4),
                b.getLong(at + 8),
                b.getLong(at + 16),
                b.getLong(at + 32),
                b.getLong(at + 40));
    }

    boolean is(long t) {
        return type == t;
    }
}
