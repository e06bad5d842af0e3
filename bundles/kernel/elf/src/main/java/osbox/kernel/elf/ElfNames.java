package osbox.kernel.elf;

import java.util.Map;

/** Names of the ELF values that appear in osbox's messages. */
final class ElfNames {
    static final int EM_RISCV = 243;

    private static final Map<Integer, String> MACHINES = Map.of(
            3, "x86",
            8, "MIPS",
            20, "PowerPC",
            21, "PowerPC64",
            22, "IBM S/390",
            40, "ARM",
            62, "x86-64",
            183, "AArch64",
            243, "RISC-V",
            258, "LoongArch");

    private ElfNames() {
    }

    // The architecture name of an e_machine value, or null if osbox does not know it.
    static String machine(int machine) {
        return MACHINES.get(machine);
    }
}
