package osbox.kernel.elf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import osbox.api.kernel.ExecFormat;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ExecImage;

/**
 * Statically linked 64-bit little-endian RISC-V ELF executables (ET_EXEC).
 *
 * <p>{@link #parse} checks everything the kernel relies on before it maps a
 * byte, and rejects anything else with a one-line reason a user can act on
 * ("32-bit ELF...", "dynamically linked...", "truncated ELF file...").
 * Program header types other than PT_LOAD, PT_INTERP, PT_DYNAMIC and PT_PHDR
 * (notes, TLS, GNU stack and RELRO, RISC-V attributes...) are ignored.
 *
 * <p>Plain Java, stateless, no OSGi: the component wraps it, tests and the
 * harness build it with {@code new}.
 */
public final class ElfFormat implements ExecFormat {
    private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};
    private static final int EI_CLASS = 4;
    private static final int EI_DATA = 5;
    private static final int EI_VERSION = 6;
    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2LSB = 1;
    private static final int EV_CURRENT = 1;
    static final int ET_EXEC = 2;
    static final int ET_DYN = 3;

    /** Most program headers osbox reads. */
    public static final int MAX_PROGRAM_HEADERS = 256;

    private static final Map<Integer, String> CLASS_REASONS = Map.of(
            1, "32-bit ELF (ELFCLASS32); osbox runs 64-bit RISC-V (RV64) programs");
    private static final Map<Integer, String> DATA_REASONS = Map.of(
            2, "big-endian ELF; RISC-V is little-endian");
    private static final Map<Integer, String> TYPE_REASONS = Map.of(
            0, "ELF file of no type (ET_NONE), not an executable",
            1, "relocatable object file, not an executable (link it first)",
            4, "core dump (ET_CORE), not an executable");

    private static final String STATIC_ONLY = "; osbox runs statically linked programs only";

    @Override
    public boolean recognizes(byte[] file) {
        return file != null && file.length >= MAGIC.length && startsWithMagic(file, MAGIC.length);
    }

    // Validates `file` and describes what to map; throws with a one-line reason otherwise.
    @Override
    public ExecImage parse(byte[] file) throws ExecFormatException {
        if (file == null) {
            throw new IllegalArgumentException("no file to parse");
        }
        checkIdent(file);
        ElfHeader h = ElfHeader.read(file);
        checkHeader(h);
        List<ProgramHeader> phdrs = readProgramHeaders(file, h);
        checkStatic(file, h, phdrs);
        List<ExecImage.LoadSegment> segments = LoadSegments.validate(file.length, phdrs);
        LoadSegments.checkEntry(h.entry(), phdrs);
        return new ExecImage(h.entry(), segments, phdrVaddr(h, phdrs), ProgramHeader.SIZE, h.phnum(), file);
    }

    // Magic number, length, class, byte order and identification version.
    private static void checkIdent(byte[] file) throws ExecFormatException {
        if (file.length == 0) {
            throw new ExecFormatException("empty file");
        }
        if (!startsWithMagic(file, Math.min(file.length, MAGIC.length))) {
            throw new ExecFormatException("not an ELF file (bad magic number)");
        }
        if (file.length < ElfHeader.SIZE) {
            throw new ExecFormatException("truncated ELF file: " + file.length + " bytes, the ELF header alone needs "
                    + ElfHeader.SIZE);
        }
        int elfClass = file[EI_CLASS] & 0xff;
        if (elfClass != ELFCLASS64) {
            throw new ExecFormatException(CLASS_REASONS.getOrDefault(elfClass,
                    "invalid ELF class " + elfClass + " (EI_CLASS); osbox runs 64-bit RISC-V (RV64) programs"));
        }
        int data = file[EI_DATA] & 0xff;
        if (data != ELFDATA2LSB) {
            throw new ExecFormatException(DATA_REASONS.getOrDefault(data,
                    "invalid ELF data encoding " + data + " (EI_DATA); RISC-V is little-endian"));
        }
        int version = file[EI_VERSION] & 0xff;
        if (version != EV_CURRENT) {
            throw new ExecFormatException("unsupported ELF version " + version + " (EI_VERSION), expected 1");
        }
    }

    // e_version, e_machine and e_type.
    private static void checkHeader(ElfHeader h) throws ExecFormatException {
        if (h.version() != EV_CURRENT) {
            throw new ExecFormatException("unsupported ELF version " + h.version() + " (e_version), expected 1");
        }
        if (h.machine() != ElfNames.EM_RISCV) {
            String name = ElfNames.machine(h.machine());
            throw new ExecFormatException("ELF for " + (name == null ? "an unknown machine" : name)
                    + " (e_machine " + h.machine() + "), not RISC-V");
        }
        String reason = TYPE_REASONS.get(h.type());
        if (reason != null) {
            throw new ExecFormatException(reason);
        }
        if (h.type() != ET_EXEC && h.type() != ET_DYN) {
            throw new ExecFormatException("unknown ELF file type " + h.type() + " (e_type), not an executable");
        }
    }

    // Checks the program header table's entry size, count and extent, then reads it.
    private static List<ProgramHeader> readProgramHeaders(byte[] file, ElfHeader h) throws ExecFormatException {
        if (h.phentsize() != ProgramHeader.SIZE) {
            throw new ExecFormatException("bad program header size " + h.phentsize()
                    + " (e_phentsize); ELF64 program headers are " + ProgramHeader.SIZE + " bytes");
        }
        if (h.phnum() == 0) {
            throw new ExecFormatException("no program headers (e_phnum 0), so nothing to load");
        }
        if (h.phnum() > MAX_PROGRAM_HEADERS) {
            throw new ExecFormatException("too many program headers (e_phnum " + h.phnum() + "); osbox reads at most "
                    + MAX_PROGRAM_HEADERS);
        }
        long tableSize = (long) h.phnum() * ProgramHeader.SIZE;
        if (!Unsigned.within(h.phoff(), tableSize, file.length)) {
            throw new ExecFormatException("truncated ELF file: program headers end at byte "
                    + Unsigned.sum(h.phoff(), tableSize) + ", file has " + file.length);
        }
        List<ProgramHeader> phdrs = new ArrayList<>(h.phnum());
        for (int i = 0; i < h.phnum(); i++) {
            phdrs.add(ProgramHeader.read(file, h.phoff(), i));
        }
        return phdrs;
    }

    // Rejects programs that need a dynamic linker, and position-independent ones.
    private static void checkStatic(byte[] file, ElfHeader h, List<ProgramHeader> phdrs) throws ExecFormatException {
        for (ProgramHeader p : phdrs) {
            if (p.is(ProgramHeader.PT_INTERP)) {
                String interp = interpreter(file, p);
                throw new ExecFormatException("dynamically linked ("
                        + (interp == null ? "it names an interpreter" : "interpreter " + interp) + ")" + STATIC_ONLY);
            }
        }
        if (h.type() == ET_DYN) {
            throw new ExecFormatException("position-independent executable (ET_DYN); osbox runs ET_EXEC static programs");
        }
        for (ProgramHeader p : phdrs) {
            if (p.is(ProgramHeader.PT_DYNAMIC)) {
                throw new ExecFormatException("dynamically linked (it has a dynamic section, PT_DYNAMIC)" + STATIC_ONLY);
            }
        }
    }

    // The interpreter path a PT_INTERP names, or null if it is outside the
    // file, empty or not printable ASCII (it goes into a one-line message).
    private static String interpreter(byte[] file, ProgramHeader p) {
        if (!Unsigned.within(p.offset(), p.filesz(), file.length) || p.filesz() == 0) {
            return null;
        }
        int from = (int) p.offset();
        int to = from;
        int end = (int) Math.min(from + p.filesz(), from + 256L);
        while (to < end && file[to] != 0) {
            if (file[to] < 0x20 || file[to] > 0x7e) {
                return null;
            }
            to++;
        }
        return to == from ? null : new String(file, from, to - from, StandardCharsets.US_ASCII);
    }

    // AT_PHDR: PT_PHDR's address, else where a PT_LOAD maps the table, else 0.
    private static long phdrVaddr(ElfHeader h, List<ProgramHeader> phdrs) {
        for (ProgramHeader p : phdrs) {
            if (p.is(ProgramHeader.PT_PHDR)) {
                return p.vaddr();
            }
        }
        long tableSize = (long) h.phnum() * ProgramHeader.SIZE;
        for (ProgramHeader p : phdrs) {
            if (p.is(ProgramHeader.PT_LOAD) && Long.compareUnsigned(p.offset(), h.phoff()) <= 0
                    && Unsigned.within(h.phoff() - p.offset(), tableSize, p.filesz())) {
                return p.vaddr() + (h.phoff() - p.offset());
            }
        }
        return 0;
    }

    private static boolean startsWithMagic(byte[] file, int n) {
        for (int i = 0; i < n; i++) {
            if (file[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
