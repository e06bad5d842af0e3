package osbox.kernel.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds ELF64 files byte by byte for tests: a 64-byte header, a program
 * header table at {@link #phoff}, and payload bytes at chosen offsets. Every
 * header field can be set to a wrong value.
 */
final class ElfBuilder {
    static final long PT_NULL = 0, PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3, PT_NOTE = 4, PT_PHDR = 6, PT_TLS = 7;
    static final long PT_GNU_EH_FRAME = 0x6474e550L, PT_GNU_STACK = 0x6474e551L, PT_GNU_RELRO = 0x6474e552L,
            PT_GNU_PROPERTY = 0x6474e553L, PT_RISCV_ATTRIBUTES = 0x70000003L;
    static final int R = 4, W = 2, X = 1;

    private record Phdr(long type, int flags, long offset, long vaddr, long filesz, long memsz) {
    }

    private record Payload(int offset, byte[] bytes) {
    }

    int elfClass = 2;
    int data = 1;
    int identVersion = 1;
    int type = 2;
    int machine = 243;
    long version = 1;
    long entry;
    long phoff = 64;
    int phentsize = 56;
    Integer phnum;
    Integer length;
    long align = 0x1000;
    private final List<Phdr> phdrs = new ArrayList<>();
    private final List<Payload> payloads = new ArrayList<>();

    /**
     * A small static executable: text (R-X) maps file bytes 0..0x200 (header
     * and program headers included) at 0x10000; data (RW-) maps file bytes
     * 0x200..0x210 at 0x11200 with 0x100 bytes of memory; entry 0x10100.
     */
    static ElfBuilder staticExecutable() {
        ElfBuilder b = new ElfBuilder();
        b.entry = 0x10100;
        b.phdr(PT_LOAD, R | X, 0, 0x10000, 0x200, 0x200);
        b.phdr(PT_LOAD, R | W, 0x200, 0x11200, 0x10, 0x100);
        b.payload(0x100, new byte[] {0x13, 0, 0, 0});
        b.payload(0x200, new byte[0x10]);
        return b;
    }

    ElfBuilder phdr(long type, int flags, long offset, long vaddr, long filesz, long memsz) {
        phdrs.add(new Phdr(type, flags, offset, vaddr, filesz, memsz));
        return this;
    }

    // Replaces program header `index` (staticExecutable's 0 is text, 1 is data).
    ElfBuilder phdr(int index, long type, int flags, long offset, long vaddr, long filesz, long memsz) {
        phdrs.set(index, new Phdr(type, flags, offset, vaddr, filesz, memsz));
        return this;
    }

    ElfBuilder payload(int offset, byte[] bytes) {
        payloads.add(new Payload(offset, bytes));
        return this;
    }

    // The file: long enough for header, table and payloads (or exactly `length` bytes, cutting what does not fit).
    byte[] build() {
        int need = 64;
        if (phoff >= 0 && phoff < (1 << 20)) {
            need = Math.max(need, (int) phoff + phdrs.size() * 56);
        }
        for (Payload p : payloads) {
            need = Math.max(need, p.offset() + p.bytes().length);
        }
        ByteBuffer b = ByteBuffer.allocate(need).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) elfClass, (byte) data, (byte) identVersion});
        b.putShort(16, (short) type);
        b.putShort(18, (short) machine);
        b.putInt(20, (int) version);
        b.putLong(24, entry);
        b.putLong(32, phoff);
        b.putShort(52, (short) 64);
        b.putShort(54, (short) phentsize);
        b.putShort(56, (short) (phnum != null ? phnum : phdrs.size()));
        for (Payload p : payloads) {
            b.put(p.offset(), p.bytes());
        }
        if (phoff >= 0 && phoff < (1 << 20)) {
            for (int i = 0; i < phdrs.size(); i++) {
                Phdr p = phdrs.get(i);
                int at = (int) phoff + i * 56;
                b.putInt(at, (int) p.type());
                b.putInt(at + 4, p.flags());
                b.putLong(at + 8, p.offset());
                b.putLong(at + 16, p.vaddr());
                b.putLong(at + 24, p.vaddr());
                b.putLong(at + 32, p.filesz());
                b.putLong(at + 40, p.memsz());
                b.putLong(at + 48, align);
            }
        }
        byte[] file = b.array();
        return length == null ? file : java.util.Arrays.copyOf(file, length);
    }
}
