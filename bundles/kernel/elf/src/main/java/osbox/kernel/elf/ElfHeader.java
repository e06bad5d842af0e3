package osbox.kernel.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fields of a little-endian ELF64 file header that osbox looks at.
 *
 * @param type      e_type (ET_EXEC, ET_DYN...)
 * @param machine   e_machine (243 for RISC-V)
 * @param version   e_version (1)
 * @param entry     e_entry
 * @param phoff     e_phoff, file offset of the program headers (unsigned)
 * @param phentsize e_phentsize
 * @param phnum     e_phnum
 */
record ElfHeader(int type, int machine, long version, long entry, long phoff, int phentsize, int phnum) {
    /** Size of an ELF64 file header. */
    static final int SIZE = 64;

    // Reads the header; the caller has checked the file holds at least SIZE bytes.
    static ElfHeader read(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        return new ElfHeader(
                Short.toUnsignedInt(b.getShort(16)),
                Short.toUnsignedInt(b.getShort(18)),
                Integer.toUnsignedLong(b.getInt(20)),
                b.getLong(24),
                b.getLong(32),
                Short.toUnsignedInt(b.getShort(54)),
                Short.toUnsignedInt(b.getShort(56)));
    }
}
