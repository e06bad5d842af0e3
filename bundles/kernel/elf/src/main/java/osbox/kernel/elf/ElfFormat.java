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
 * <p>{@link #parse} refuses what Linux's {@code load_elf_binary}
 * (fs/binfmt_elf.c) refuses for such a program, and nothing more except
 * where osbox says so, each rule naming the Linux check it mirrors. Linux
 * finds some faults only after the point of no return of execve (the
 * calling image is gone, so the process dies); osbox checks everything
 * before it maps a byte, so every refusal is ENOEXEC from execve with a
 * one-line reason a user can act on ("32-bit ELF...", "dynamically
 * linked...", "truncated ELF file..."). Like Linux it does not look at
 * EI_DATA, EI_VERSION, e_version, p_align or whether the entry point lies
 * in an executable segment (a wrong entry faults when it runs). osbox's own
 * rules: no PT_INTERP or PT_DYNAMIC and no ET_DYN (it has no dynamic
 * linker and does not relocate), segment bytes inside the file (Linux maps
 * past the end and the program gets SIGBUS when it touches them), and no
 * two segments sharing a byte (Linux lets the later one replace the
 * earlier's pages). Program header types other than PT_LOAD, PT_INTERP,
 * PT_DYNAMIC and PT_PHDR (notes, TLS, GNU stack and RELRO, RISC-V
 * attributes...) are ignored, as riscv64 Linux ignores them.
 *
 * <p>Plain Java, stateless, no OSGi: the component wraps it, tests and the
 * harness build it with {@code new}.
 */
public final class ElfFormat implements ExecFormat {
    private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};
    private static final int EI_CLASS = 4;
    private static final int EI_DATA = 5;
    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2MSB = 2;
    static final int ET_EXEC = 2;
    static final int ET_DYN = 3;

    /** Largest program header table, in bytes: Linux's load_elf_phdrs reads at most ELF_MIN_ALIGN (a page). */
    static final int MAX_PROGRAM_HEADER_BYTES = 4096;
    /** Most program headers osbox reads: as many as fit in {@link #MAX_PROGRAM_HEADER_BYTES}. */
    public static final int MAX_PROGRAM_HEADERS = MAX_PROGRAM_HEADER_BYTES / ProgramHeader.SIZE;

    private static final Map<Integer, String> CLASS_REASONS = Map.of(
            1, "32-bit ELF (ELFCLASS32); osbox runs 64-bit RISC-V (RV64) programs");
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
        checkHeader(h, file[EI_DATA] & 0xff);
        List<ProgramHeader> phdrs = readProgramHeaders(file, h);
        checkStatic(file, h, phdrs);
        List<ExecImage.LoadSegment> segments = LoadSegments.validate(file.length, phdrs);
        LoadSegments.checkEntry(h.entry());
        return new ExecImage(h.entry(), segments, phdrVaddr(h, phdrs), ProgramHeader.SIZE, h.phnum(), file);
    }

    // Magic number (Linux: memcmp(e_ident, ELFMAG)), length, class (elf_check_arch: EI_CLASS is ELFCLASS64).
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
    }

    // e_machine (Linux: elf_check_arch, EM_RISCV) and e_type (ET_EXEC or ET_DYN). A big-endian file
    // (EI_DATA, which Linux does not check) fails the machine check, and the reason says why.
    private static void checkHeader(ElfHeader h, int data) throws ExecFormatException {
        if (h.machine() != ElfNames.EM_RISCV) {
            if (data == ELFDATA2MSB) {
                throw new ExecFormatException("big-endian ELF (EI_DATA 2); RISC-V is little-endian");
            }
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

    // Checks the program header table's entry size, count and extent, then reads it. Linux's
    // load_elf_phdrs: e_phentsize is sizeof(struct elf_phdr); the table is not empty and at most
    // ELF_MIN_ALIGN bytes; elf_read of the whole table must not come short.
    private static List<ProgramHeader> readProgramHeaders(byte[] file, ElfHeader h) throws ExecFormatException {
        if (h.phentsize() != ProgramHeader.SIZE) {
            throw new ExecFormatException("bad program header size " + h.phentsize()
                    + " (e_phentsize); ELF64 program headers are " + ProgramHeader.SIZE + " bytes");
        }
        if (h.phnum() == 0) {
            throw new ExecFormatException("no program headers (e_phnum 0), so nothing to load");
        }
        if (h.phnum() > MAX_PROGRAM_HEADERS) {
            throw new ExecFormatException("too many program headers (e_phnum " + h.phnum() + "); at most "
                    + MAX_PROGRAM_HEADERS + " fit in the " + MAX_PROGRAM_HEADER_BYTES + " bytes Linux reads");
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

    // Rejects programs that need a dynamic linker, and position-independent ones: osbox's own rules
    // (Linux loads their interpreter, or relocates an ET_DYN; osbox has no dynamic linker).
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
