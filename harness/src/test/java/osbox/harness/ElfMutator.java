package osbox.harness;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of ELF64 little-endian executables: header fields
 * (e_ident bytes, e_type, e_machine, e_entry, e_phoff, e_phentsize,
 * e_phnum, e_shoff...), program-header fields (p_type, p_flags, p_offset,
 * p_vaddr, p_filesz, p_memsz, p_align...), random bit flips, byte runs in
 * the headers, truncations and extensions. Mutant number {@code index} of
 * {@code seed} is the same bytes on every machine and every run, so a
 * failure is replayed from the two numbers alone.
 */
final class ElfMutator {

    /** One mutated image: which example it came from and what was done to it. */
    record Mutant(long seed, int index, String origin, String description, byte[] image) {
    }

    /** An ELF64 header or program-header field: name, byte offset, width in bytes. */
    private record Field(String name, int offset, int width) {
    }

    private static final List<Field> HEADER = List.of(new Field("e_type", 16, 2), new Field("e_machine", 18, 2),
            new Field("e_version", 20, 4), new Field("e_entry", 24, 8), new Field("e_phoff", 32, 8),
            new Field("e_shoff", 40, 8), new Field("e_flags", 48, 4), new Field("e_ehsize", 52, 2),
            new Field("e_phentsize", 54, 2), new Field("e_phnum", 56, 2), new Field("e_shentsize", 58, 2),
            new Field("e_shnum", 60, 2), new Field("e_shstrndx", 62, 2));

    private static final List<Field> PROGRAM_HEADER = List.of(new Field("p_type", 0, 4), new Field("p_flags", 4, 4),
            new Field("p_offset", 8, 8), new Field("p_vaddr", 16, 8), new Field("p_paddr", 24, 8),
            new Field("p_filesz", 32, 8), new Field("p_memsz", 40, 8), new Field("p_align", 48, 8));

    /** A mutation: changes the image in place (or returns a resized copy) and says what it did. */
    private interface Mutation {
        byte[] apply(byte[] image, Random random, StringBuilder said);
    }

    /** The mutations a mutant draws from; listed twice, drawn twice as often. */
    private static final List<Mutation> MUTATIONS = List.of(ElfMutator::identByte, ElfMutator::headerField,
            ElfMutator::headerField, ElfMutator::programHeaderField, ElfMutator::programHeaderField,
            ElfMutator::programHeaderField, ElfMutator::bitFlips, ElfMutator::headerBytes, ElfMutator::truncate,
            ElfMutator::extend);

    private final List<String> names;
    private final List<byte[]> originals;
    private final long seed;

    /** Mutants of these examples (name and bytes, in a fixed order) drawn from {@code seed}. */
    ElfMutator(List<String> names, List<byte[]> originals, long seed) {
        if (names.isEmpty() || names.size() != originals.size()) {
            throw new IllegalArgumentException("one name per example, at least one example");
        }
        this.names = names;
        this.originals = originals;
        this.seed = seed;
    }

    /** Mutant number {@code index}: one example with one to three mutations. */
    Mutant mutant(int index) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + index);
        int which = random.nextInt(originals.size());
        byte[] image = originals.get(which).clone();
        int count = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
        StringBuilder said = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                said.append("; ");
            }
            image = MUTATIONS.get(random.nextInt(MUTATIONS.size())).apply(image, random, said);
        }
        return new Mutant(seed, index, names.get(which), said.toString(), image);
    }

    // e_ident[i] := an interesting byte.
    private static byte[] identByte(byte[] image, Random random, StringBuilder said) {
        int i = random.nextInt(16);
        if (i >= image.length) {
            said.append("e_ident[").append(i).append("] beyond the end");
            return image;
        }
        int value = (int) (interesting(image[i] & 0xff, 1, random) & 0xff);
        said.append(String.format("e_ident[%d] 0x%02x -> 0x%02x", i, image[i] & 0xff, value));
        image[i] = (byte) value;
        return image;
    }

    // One ELF header field := an interesting value.
    private static byte[] headerField(byte[] image, Random random, StringBuilder said) {
        return setField(image, 0, HEADER.get(random.nextInt(HEADER.size())), random, said, "");
    }

    // One field of one program header (as the header says where they are) := an interesting value.
    private static byte[] programHeaderField(byte[] image, Random random, StringBuilder said) {
        if (image.length < 64) {
            said.append("no program header (file too short)");
            return image;
        }
        long phoff = read(image, 32, 8);
        int phnum = (int) read(image, 56, 2);
        int entry = random.nextInt(Math.max(1, Math.min(phnum, 16)));
        long base = phoff + 56L * entry;
        if (phoff < 0 || base + 56 > image.length) {
            said.append("program header ").append(entry).append(" outside the file");
            return image;
        }
        return setField(image, (int) base, PROGRAM_HEADER.get(random.nextInt(PROGRAM_HEADER.size())), random, said,
                "phdr[" + entry + "].");
    }

    // The field at base + its offset := an interesting value for its width.
    private static byte[] setField(byte[] image, int base, Field field, Random random, StringBuilder said,
            String prefix) {
        int at = base + field.offset();
        if (at + field.width() > image.length) {
            said.append(prefix).append(field.name()).append(" beyond the end");
            return image;
        }
        long old = read(image, at, field.width());
        long value = interesting(old, field.width(), random);
        write(image, at, field.width(), value);
        said.append(String.format("%s%s 0x%x -> 0x%x", prefix, field.name(), old, value & mask(field.width())));
        return image;
    }

    // 1 to 8 single-bit flips anywhere in the file.
    private static byte[] bitFlips(byte[] image, Random random, StringBuilder said) {
        int n = 1 + random.nextInt(8);
        said.append("bit flips at");
        for (int i = 0; i < n && image.length > 0; i++) {
            int at = random.nextInt(image.length);
            int bit = random.nextInt(8);
            image[at] ^= (byte) (1 << bit);
            said.append(' ').append(at).append('.').append(bit);
        }
        return image;
    }

    // A run of 1 to 16 random bytes inside the ELF and program headers.
    private static byte[] headerBytes(byte[] image, Random random, StringBuilder said) {
        int region = Math.min(image.length, 64 + 56 * 8);
        if (region == 0) {
            said.append("no bytes to overwrite");
            return image;
        }
        int at = random.nextInt(region);
        int n = Math.min(1 + random.nextInt(16), image.length - at);
        for (int i = 0; i < n; i++) {
            image[at + i] = (byte) random.nextInt(256);
        }
        said.append("random bytes ").append(at).append("..").append(at + n - 1);
        return image;
    }

    // Cut the file short: anywhere, or inside the headers.
    private static byte[] truncate(byte[] image, Random random, StringBuilder said) {
        int bound = random.nextBoolean() ? image.length : Math.min(image.length, 64 + 56 * 4);
        int length = bound == 0 ? 0 : random.nextInt(bound);
        said.append("truncated to ").append(length).append(" bytes");
        return Arrays.copyOf(image, length);
    }

    // Append 1 byte to 64 KiB of zeros or random bytes.
    private static byte[] extend(byte[] image, Random random, StringBuilder said) {
        int extra = 1 + random.nextInt(random.nextBoolean() ? 64 : 64 << 10);
        byte[] longer = Arrays.copyOf(image, image.length + extra);
        boolean junk = random.nextBoolean();
        if (junk) {
            for (int i = image.length; i < longer.length; i++) {
                longer[i] = (byte) random.nextInt(256);
            }
        }
        said.append("extended by ").append(extra).append(junk ? " random bytes" : " zeros");
        return longer;
    }

    /**
     * A value to put in a field of {@code width} bytes that held {@code old}:
     * the edges (0, 1, all ones, the sign bit, the largest positive), near the
     * old value (by one and by a page), a page-misaligned shift of it, one
     * flipped bit, a small number, or random bits.
     */
    static long interesting(long old, int width, Random random) {
        int bits = width * 8;
        long value = switch (random.nextInt(13)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> -1;
            case 3 -> 1L << (bits - 1);
            case 4 -> (1L << (bits - 1)) - 1;
            case 5 -> old + 1;
            case 6 -> old - 1;
            case 7 -> old + 4096;
            case 8 -> old - 4096;
            case 9 -> old + 1 + random.nextInt(4095);
            case 10 -> old ^ (1L << random.nextInt(bits));
            case 11 -> random.nextInt(256);
            default -> random.nextLong();
        };
        return value & mask(width);
    }

    private static long mask(int width) {
        return width == 8 ? -1L : (1L << (width * 8)) - 1;
    }

    // A little-endian unsigned field.
    private static long read(byte[] image, int at, int width) {
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        return switch (width) {
            case 1 -> image[at] & 0xffL;
            case 2 -> b.getShort(at) & 0xffffL;
            case 4 -> b.getInt(at) & 0xffffffffL;
            default -> b.getLong(at);
        };
    }

    private static void write(byte[] image, int at, int width, long value) {
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        switch (width) {
            case 1 -> image[at] = (byte) value;
            case 2 -> b.putShort(at, (short) value);
            case 4 -> b.putInt(at, (int) value);
            default -> b.putLong(at, value);
        }
    }
}
