package osbox.workload;

/**
 * The first bytes of an ELF file, read before a workload starts: the file's
 * class, byte order and machine say whether osbox can run it at all, so that
 * a workload naming an x86 program is refused up front, as a file that is
 * not ELF is, and not found out at its arrival time. Everything else about
 * the image is the kernel's loader's to check, when it runs.
 */
final class ElfIdentity {
    /** e_ident[EI_CLASS]: 2, ELFCLASS64. */
    private static final int CLASS_OFFSET = 4;
    /** e_ident[EI_DATA]: 1, ELFDATA2LSB (little-endian). */
    private static final int DATA_OFFSET = 5;
    /** e_machine: a little-endian 16-bit word at byte 18. */
    private static final int MACHINE_OFFSET = 18;
    /** EM_RISCV. */
    private static final int EM_RISCV = 243;

    private ElfIdentity() {
    }

    /** Whether the file starts with the ELF magic number, 0x7f 'E' 'L' 'F'. */
    static boolean isElf(byte[] file) {
        return file.length >= 4 && file[0] == 0x7f && file[1] == 'E' && file[2] == 'L' && file[3] == 'F';
    }

    /**
     * Why an ELF file cannot be a 64-bit little-endian RISC-V program (32-bit,
     * big-endian, another machine), or null when its identification allows
     * it; bytes the file is too short to have are not judged here.
     */
    static String whyNotRiscV64(byte[] file) {
        if (file.length > CLASS_OFFSET && file[CLASS_OFFSET] != 2) {
            return "a " + (file[CLASS_OFFSET] == 1 ? "32-bit" : "non-64-bit") + " ELF file (EI_CLASS "
                    + file[CLASS_OFFSET] + "); osbox runs 64-bit RISC-V (RV64) programs";
        }
        if (file.length > DATA_OFFSET && file[DATA_OFFSET] != 1) {
            return "a big-endian or unknown ELF encoding (EI_DATA " + file[DATA_OFFSET] + "); RISC-V is little-endian";
        }
        if (file.length > MACHINE_OFFSET + 1) {
            int machine = (file[MACHINE_OFFSET] & 0xff) | (file[MACHINE_OFFSET + 1] & 0xff) << 8;
            if (machine != EM_RISCV) {
                return "ELF for another machine (e_machine " + machine + "), not RISC-V (" + EM_RISCV + ")";
            }
        }
        return null;
    }
}
