package osbox.kernel.elf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ExecImage.LoadSegment;

/**
 * Validation of PT_LOAD segments against the file and the user address
 * space, as Linux's load_elf_binary and elf_map (fs/binfmt_elf.c) check
 * them; each rule names the check it mirrors.
 */
final class LoadSegments {
    /** Lowest address a segment may use: page 0 stays unmapped so null dereferences fault (Linux: mmap_min_addr). */
    static final long FIRST_USER_ADDRESS = 0x1000L;
    /** Segments must end at or below this; the stack lives above it, below {@link #TASK_SIZE}. */
    static final long USER_LIMIT = 0x3f_0000_0000L;
    /** The top of the Sv39 user half: Linux's TASK_SIZE on riscv64 with Sv39. */
    static final long TASK_SIZE = 0x40_0000_0000L;
    /** The page size segments are mapped in (Linux: ELF_MIN_ALIGN). */
    static final long PAGE_SIZE = 4096;

    private LoadSegments() {
    }

    // The loadable segments in program header order, each inside the file and
    // the user range and overlapping no other; empty PT_LOADs are skipped (Linux maps nothing for them,
    // but p_filesz > p_memsz still fails).
    static List<LoadSegment> validate(int fileLength, List<ProgramHeader> phdrs) throws ExecFormatException {
        List<ProgramHeader> loads = new ArrayList<>();
        for (ProgramHeader p : phdrs) {
            if (p.is(ProgramHeader.PT_LOAD) && p.memsz() != 0) {
                check(fileLength, p);
                loads.add(p);
            } else if (p.is(ProgramHeader.PT_LOAD) && p.filesz() != 0) {
                throw new ExecFormatException(memoryTooSmall(p));
            }
        }
        if (loads.isEmpty()) {
            throw new ExecFormatException("no loadable segments");
        }
        checkOverlap(loads);
        List<LoadSegment> segments = new ArrayList<>(loads.size());
        for (ProgramHeader p : loads) {
            segments.add(new LoadSegment(p.vaddr(), p.offset(), p.filesz(), p.memsz(),
                    (p.flags() & ProgramHeader.PF_R) != 0, (p.flags() & ProgramHeader.PF_W) != 0,
                    (p.flags() & ProgramHeader.PF_X) != 0));
        }
        return segments;
    }

    // Rejects an entry point outside the user address space (Linux: BAD_ADDR(elf_entry), EINVAL). Linux
    // does not ask that it lie in an executable segment: a program entering elsewhere faults when it runs.
    static void checkEntry(long entry) throws ExecFormatException {
        if (Long.compareUnsigned(entry, TASK_SIZE) >= 0) {
            throw new ExecFormatException(String.format("entry point 0x%x is outside the user address space "
                    + "(below 0x%x)", entry, TASK_SIZE));
        }
    }

    // One non-empty segment: bytes inside the file (osbox's rule; Linux maps past the end of the file,
    // and touching those pages gives SIGBUS), memsz >= filesz, offset and address congruent modulo the
    // page size, address range in user space.
    private static void check(int fileLength, ProgramHeader p) throws ExecFormatException {
        int k = p.index();
        if (p.filesz() != 0 && !Unsigned.within(p.offset(), p.filesz(), fileLength)) {
            throw new ExecFormatException("truncated ELF file: segment " + k + " needs bytes "
                    + Long.toUnsignedString(p.offset()) + ".." + Unsigned.sum(p.offset(), p.filesz())
                    + ", file has " + fileLength);
        }
        // Linux: p_filesz > p_memsz fails load_elf_binary (EINVAL)
        if (Long.compareUnsigned(p.memsz(), p.filesz()) < 0) {
            throw new ExecFormatException(memoryTooSmall(p));
        }
        // Linux: elf_map mmaps the file from p_offset - ELF_PAGEOFFSET(p_vaddr), which vm_mmap refuses
        // (EINVAL) unless page aligned; a segment without file bytes is not mapped from the file
        if (p.filesz() != 0 && ((p.offset() - p.vaddr()) & (PAGE_SIZE - 1)) != 0) {
            throw new ExecFormatException(String.format("segment %d: file offset 0x%x and address 0x%x differ "
                    + "modulo the page size (%d), so it cannot be mapped", k, p.offset(), p.vaddr(), PAGE_SIZE));
        }
        // Linux: vm_mmap below mmap_min_addr fails (EPERM)
        if (Long.compareUnsigned(p.vaddr(), FIRST_USER_ADDRESS) < 0) {
            throw new ExecFormatException(String.format("segment %d starts at 0x%x, in page 0 (below 0x%x), which "
                    + "stays unmapped so null pointers fault", k, p.vaddr(), FIRST_USER_ADDRESS));
        }
        // Linux: p_memsz > TASK_SIZE || TASK_SIZE - p_memsz < p_vaddr (EINVAL); osbox's TASK_SIZE for
        // segments is USER_LIMIT, which leaves room for the stack
        if (Unsigned.sumOverflows(p.vaddr(), p.memsz())) {
            throw new ExecFormatException(String.format("segment %d at 0x%x with memory size 0x%x wraps past the "
                    + "end of the address space", k, p.vaddr(), p.memsz()));
        }
        if (Long.compareUnsigned(p.vaddr() + p.memsz(), USER_LIMIT) > 0) {
            throw new ExecFormatException(String.format("segment %d (0x%x..%s) reaches above the user address "
                    + "limit 0x%x", k, p.vaddr(), Unsigned.hexSum(p.vaddr(), p.memsz()), USER_LIMIT));
        }
    }

    private static String memoryTooSmall(ProgramHeader p) {
        return "segment " + p.index() + ": memory size " + Long.toUnsignedString(p.memsz())
                + " is smaller than its file size " + Long.toUnsignedString(p.filesz());
    }

    // Rejects two segments sharing any byte of address space: osbox's rule (Linux maps later segments
    // MAP_FIXED over earlier ones). Addresses are below USER_LIMIT by now, so signed comparison is safe.
    private static void checkOverlap(List<ProgramHeader> loads) throws ExecFormatException {
        List<ProgramHeader> byAddress = new ArrayList<>(loads);
        byAddress.sort(Comparator.comparingLong(ProgramHeader::vaddr).thenComparingInt(ProgramHeader::index));
        for (int i = 1; i < byAddress.size(); i++) {
            ProgramHeader a = byAddress.get(i - 1);
            ProgramHeader b = byAddress.get(i);
            if (b.vaddr() < a.vaddr() + a.memsz()) {
                ProgramHeader first = a.index() < b.index() ? a : b;
                ProgramHeader second = first == a ? b : a;
                throw new ExecFormatException(String.format("segments %d and %d overlap (0x%x..0x%x and 0x%x..0x%x)",
                        first.index(), second.index(), first.vaddr(), first.vaddr() + first.memsz(),
                        second.vaddr(), second.vaddr() + second.memsz()));
            }
        }
    }
}
