package osbox.kernel.elf;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.ExecFormat;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ExecImage;

/** The ELF64 RISC-V executable format, as a service the kernel tries when it executes a file. */
@Component(service = ExecFormat.class, property = "osbox.exec.format=elf64-riscv")
public final class ElfFormatComponent implements ExecFormat {
    private final ElfFormat format = new ElfFormat();

    @Override
    public boolean recognizes(byte[] file) {
        return format.recognizes(file);
    }

    @Override
    public ExecImage parse(byte[] file) throws ExecFormatException {
        return format.parse(file);
    }
}
