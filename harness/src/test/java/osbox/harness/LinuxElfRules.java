package osbox.harness;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The conditions under which Linux's {@code load_elf_binary} refuses an
 * ELF64 executable that osbox's loader might still run: the fuzzer's oracle
 * for loader strictness (issue 9, point 9). Only what can be read cheaply
 * from the program headers is checked.
 */
final class LinuxElfRules {
    private static final int PT_LOAD = 1;
    private static final long PAGE = 4096;

    private LinuxElfRules() {
    }

    /**
     * Why Linux would refuse the image, or null when these rules find
     * nothing (including when the headers cannot be read at all: the loader
     * refuses those itself). A PT_LOAD segment with file contents whose
     * virtual address and file offset differ modulo the page size cannot be
     * mapped (mmap answers EINVAL), so execve fails.
     */
    static String refusal(byte[] image) {
        if (image.length < 64 || image[0] != 0x7f || image[1] != 'E' || image[2] != 'L' || image[3] != 'F'
                || image[4] != 2 || image[5] != 1) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(32);
        int phentsize = b.getShort(54) & 0xffff;
        int phnum = b.getShort(56) & 0xffff;
        if (phentsize != 56 || phoff < 0 || phoff > image.length || 56L * phnum > image.length - phoff) {
            return null;
        }
        for (int i = 0; i < phnum; i++) {
            int at = (int) phoff + 56 * i;
            long offset = b.getLong(at + 8);
            long vaddr = b.getLong(at + 16);
            long filesz = b.getLong(at + 32);
            if (b.getInt(at) == PT_LOAD && filesz != 0 && Math.floorMod(vaddr - offset, PAGE) != 0) {
                return String.format("PT_LOAD %d: p_vaddr 0x%x and p_offset 0x%x differ modulo the page size", i,
                        vaddr, offset);
            }
        }
        return null;
    }
}
