package osbox.api.kernel;

import java.util.List;

/**
 * A validated executable: where it starts and what to map.
 *
 * @param entry     the entry point
 * @param segments  loadable segments, in file order, not overlapping
 * @param phdrVaddr virtual address of the program headers once mapped (AT_PHDR), 0 if not mapped
 * @param phent     size of one program header (AT_PHENT)
 * @param phnum     number of program headers (AT_PHNUM)
 * @param file      the file's bytes, which segments' offsets index
 */
public record ExecImage(long entry, List<LoadSegment> segments, long phdrVaddr, int phent, int phnum, byte[] file) {
    /** One PT_LOAD segment. Addresses need not be page aligned; memSize &gt;= fileSize. */
    public record LoadSegment(long vaddr, long fileOffset, long fileSize, long memSize, boolean read,
            boolean write, boolean execute) {
        public long end() {
            return vaddr + memSize;
        }
    }

    /** The highest address any segment reaches (where the heap begins, page-rounded by the kernel). */
    public long end() {
        long e = 0;
        for (LoadSegment s : segments) {
            e = Math.max(e, s.end());
        }
        return e;
    }
}
