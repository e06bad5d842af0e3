package osbox.kernel.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.kernel.elf.ElfBuilder.R;
import static osbox.kernel.elf.ElfBuilder.W;
import static osbox.kernel.elf.ElfBuilder.X;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ExecImage;
import osbox.api.kernel.ExecImage.LoadSegment;

class ElfFormatTest {
    private final ElfFormat elf = new ElfFormat();

    // The reason parse gives for `file`.
    private String reason(byte[] file) {
        ExecFormatException e = assertThrows(ExecFormatException.class, () -> elf.parse(file));
        assertFalse(e.getMessage().contains("\n"), "reasons are one line");
        return e.getMessage();
    }

    // The reason for the standard static executable changed by `change`.
    private String reason(Consumer<ElfBuilder> change) {
        ElfBuilder b = ElfBuilder.staticExecutable();
        change.accept(b);
        return reason(b.build());
    }

    private static ElfBuilder withHeaders(long entry, Consumer<ElfBuilder> phdrs) {
        ElfBuilder b = new ElfBuilder();
        b.entry = entry;
        b.payload(0x200, new byte[0x10]);
        phdrs.accept(b);
        return b;
    }

    // ---- accepted forms ----

    @Test
    void aStaticExecutableParsesIntoItsSegments() throws Exception {
        byte[] file = ElfBuilder.staticExecutable().build();
        ExecImage image = elf.parse(file);
        assertEquals(0x10100, image.entry());
        assertEquals(List.of(
                new LoadSegment(0x10000, 0, 0x200, 0x200, true, false, true),
                new LoadSegment(0x11200, 0x200, 0x10, 0x100, true, true, false)), image.segments());
        assertEquals(56, image.phent());
        assertEquals(2, image.phnum());
        assertEquals(0x10040, image.phdrVaddr(), "the program headers lie in the text segment at file offset 64");
        assertSame(file, image.file());
        assertEquals(0x11300, image.end());
    }

    @Test
    void aPtPhdrGivesThePhdrAddress() throws Exception {
        ElfBuilder b = ElfBuilder.staticExecutable();
        b.phdr(ElfBuilder.PT_PHDR, R, 64, 0x10040 + 0x1000, 3 * 56, 3 * 56);
        assertEquals(0x11040, elf.parse(b.build()).phdrVaddr());
    }

    @Test
    void programHeadersInNoSegmentGivePhdrAddressZero() throws Exception {
        ElfBuilder b = withHeaders(0x10100, x -> {
            x.phdr(ElfBuilder.PT_LOAD, R | X, 0x200, 0x10200, 0x10, 0x10);
        });
        b.entry = 0x10204;
        ExecImage image = elf.parse(b.build());
        assertEquals(0, image.phdrVaddr());
        assertEquals(1, image.phnum());
    }

    @Test
    void otherProgramHeaderTypesAreIgnored() throws Exception {
        ElfBuilder b = ElfBuilder.staticExecutable();
        for (long t : new long[] {ElfBuilder.PT_NULL, ElfBuilder.PT_NOTE, ElfBuilder.PT_TLS, ElfBuilder.PT_GNU_STACK,
                ElfBuilder.PT_GNU_RELRO, ElfBuilder.PT_GNU_EH_FRAME, ElfBuilder.PT_GNU_PROPERTY,
                ElfBuilder.PT_RISCV_ATTRIBUTES, 0x12345678L}) {
            b.phdr(t, R | W | X, 0x7fff_0000L, 0, 0x10, 0x8);
        }
        ExecImage image = elf.parse(b.build());
        assertEquals(2, image.segments().size());
        assertEquals(11, image.phnum());
    }

    @Test
    void emptyLoadSegmentsAreSkipped() throws Exception {
        ElfBuilder b = ElfBuilder.staticExecutable();
        b.phdr(ElfBuilder.PT_LOAD, R, 0x9999_9999L, 0, 0, 0);
        assertEquals(2, elf.parse(b.build()).segments().size());
    }

    @Test
    void aBssOnlySegmentNeedsNoFileBytes() throws Exception {
        ElfBuilder b = ElfBuilder.staticExecutable();
        b.phdr(ElfBuilder.PT_LOAD, R | W, 0x10_0000, 0x20000, 0, 0x5000);
        LoadSegment bss = elf.parse(b.build()).segments().get(2);
        assertEquals(new LoadSegment(0x20000, 0x10_0000, 0, 0x5000, true, true, false), bss);
    }

    @Test
    void segmentsMayTouchTheEdgesOfUserSpaceAndEachOther() throws Exception {
        ElfBuilder b = withHeaders(0x1000, x -> {
            x.phdr(ElfBuilder.PT_LOAD, R | X, 0, 0x1000, 0x10, 0x1000);
            x.phdr(ElfBuilder.PT_LOAD, R | W, 0, 0x2000, 0x10, 0x1000);
            x.phdr(ElfBuilder.PT_LOAD, R | W, 0, 0x3f_0000_0000L - 0x1000, 0, 0x1000);
        });
        assertEquals(3, elf.parse(b.build()).segments().size());
    }

    @Test
    void recognizesOnlyTheMagicNumber() {
        assertTrue(elf.recognizes(ElfBuilder.staticExecutable().build()));
        assertTrue(elf.recognizes(new byte[] {0x7f, 'E', 'L', 'F'}), "recognizing is not validating");
        assertFalse(elf.recognizes(new byte[] {0x7f, 'E', 'L'}));
        assertFalse(elf.recognizes("#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(elf.recognizes(new byte[0]));
        assertFalse(elf.recognizes(null));
    }

    @Test
    void theComponentIsTheSameFormat() throws Exception {
        ElfFormatComponent c = new ElfFormatComponent();
        byte[] file = ElfBuilder.staticExecutable().build();
        assertTrue(c.recognizes(file));
        assertEquals(0x10100, c.parse(file).entry());
        assertEquals("empty file", assertThrows(ExecFormatException.class, () -> c.parse(new byte[0])).getMessage());
    }

    // ---- identification ----

    @Test
    void anEmptyFile() {
        assertEquals("empty file", reason(new byte[0]));
    }

    @Test
    void notAnElfFile() {
        assertEquals("not an ELF file (bad magic number)", reason("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("not an ELF file (bad magic number)", reason(new byte[] {'M', 'Z'}));
    }

    @Test
    void shorterThanTheHeader() {
        assertEquals("truncated ELF file: 3 bytes, the ELF header alone needs 64", reason(new byte[] {0x7f, 'E', 'L'}));
        assertEquals("truncated ELF file: 63 bytes, the ELF header alone needs 64", reason(b -> b.length = 63));
    }

    @Test
    void thirtyTwoBitElf() {
        assertEquals("32-bit ELF (ELFCLASS32); osbox runs 64-bit RISC-V (RV64) programs", reason(b -> b.elfClass = 1));
        assertEquals("invalid ELF class 0 (EI_CLASS); osbox runs 64-bit RISC-V (RV64) programs", reason(b -> b.elfClass = 0));
    }

    @Test
    void aBigEndianElfFailsTheMachineCheckAndSaysWhy() {
        // what a big-endian RISC-V file's e_machine (243) reads as in little-endian
        assertEquals("big-endian ELF (EI_DATA 2); RISC-V is little-endian", reason(b -> {
            b.data = 2;
            b.machine = 243 << 8;
        }));
    }

    @Test
    void fieldsLinuxDoesNotCheckAreNotChecked() throws Exception {
        // load_elf_binary looks at neither EI_DATA, EI_VERSION nor e_version
        for (Consumer<ElfBuilder> change : List.<Consumer<ElfBuilder>>of(b -> b.data = 2, b -> b.data = 7,
                b -> b.identVersion = 0, b -> b.version = 2)) {
            ElfBuilder b = ElfBuilder.staticExecutable();
            change.accept(b);
            assertEquals(2, elf.parse(b.build()).segments().size());
        }
    }

    @Test
    void pAlignIsNotChecked() throws Exception {
        ElfBuilder b = ElfBuilder.staticExecutable();
        b.align = 3;
        assertEquals(2, elf.parse(b.build()).segments().size(), "Linux skips a p_align that is no power of two");
        b.align = 0x10000;
        assertEquals(2, elf.parse(b.build()).segments().size(), "nor does it ask p_vaddr to be p_align-aligned");
    }

    @Test
    void otherMachinesAreNamed() {
        assertEquals("ELF for x86-64 (e_machine 62), not RISC-V", reason(b -> b.machine = 62));
        assertEquals("ELF for x86 (e_machine 3), not RISC-V", reason(b -> b.machine = 3));
        assertEquals("ELF for ARM (e_machine 40), not RISC-V", reason(b -> b.machine = 40));
        assertEquals("ELF for AArch64 (e_machine 183), not RISC-V", reason(b -> b.machine = 183));
        assertEquals("ELF for an unknown machine (e_machine 999), not RISC-V", reason(b -> b.machine = 999));
    }

    // ---- file type and linking ----

    @Test
    void relocatableObjects() {
        assertEquals("relocatable object file, not an executable (link it first)", reason(b -> {
            b.type = 1;
            b.phnum = 0;
        }));
    }

    @Test
    void coreDumpsAndUntypedFiles() {
        assertEquals("core dump (ET_CORE), not an executable", reason(b -> b.type = 4));
        assertEquals("ELF file of no type (ET_NONE), not an executable", reason(b -> b.type = 0));
        assertEquals("unknown ELF file type 65024 (e_type), not an executable", reason(b -> b.type = 0xfe00));
    }

    @Test
    void dynamicallyLinkedPie() {
        String interp = "/lib/ld-linux-riscv64-lp64d.so.1";
        assertEquals("dynamically linked (interpreter " + interp + "); osbox runs statically linked programs only",
                reason(b -> {
                    b.type = 3;
                    b.payload(0x300, (interp + "\0").getBytes(StandardCharsets.US_ASCII));
                    b.phdr(ElfBuilder.PT_INTERP, R, 0x300, 0x300, interp.length() + 1, interp.length() + 1);
                    b.phdr(ElfBuilder.PT_DYNAMIC, R | W, 0x200, 0x11200, 0x10, 0x10);
                }));
    }

    @Test
    void dynamicallyLinkedExecutable() {
        assertEquals("dynamically linked (interpreter /lib/ld.so); osbox runs statically linked programs only",
                reason(b -> {
                    b.payload(0x300, "/lib/ld.so\0".getBytes(StandardCharsets.US_ASCII));
                    b.phdr(ElfBuilder.PT_INTERP, R, 0x300, 0x300, 11, 11);
                }));
        assertEquals("dynamically linked (it has a dynamic section, PT_DYNAMIC); osbox runs statically linked programs only",
                reason(b -> b.phdr(ElfBuilder.PT_DYNAMIC, R | W, 0x200, 0x11200, 0x10, 0x10)));
    }

    @Test
    void anInterpreterPathOutsideTheFileIsNotQuoted() {
        assertEquals("dynamically linked (it names an interpreter); osbox runs statically linked programs only",
                reason(b -> b.phdr(ElfBuilder.PT_INTERP, R, 0x10_0000, 0, 20, 20)));
        assertEquals("dynamically linked (it names an interpreter); osbox runs statically linked programs only",
                reason(b -> {
                    b.payload(0x300, "/lib/\n\0".getBytes(StandardCharsets.US_ASCII));
                    b.phdr(ElfBuilder.PT_INTERP, R, 0x300, 0x300, 7, 7);
                }));
    }

    @Test
    void staticPie() {
        assertEquals("position-independent executable (ET_DYN); osbox runs ET_EXEC static programs", reason(b -> b.type = 3));
        assertEquals("position-independent executable (ET_DYN); osbox runs ET_EXEC static programs", reason(b -> {
            b.type = 3;
            b.phdr(ElfBuilder.PT_DYNAMIC, R | W, 0x200, 0x11200, 0x10, 0x10);
        }));
    }

    // ---- program header table ----

    @Test
    void wrongProgramHeaderSize() {
        assertEquals("bad program header size 32 (e_phentsize); ELF64 program headers are 56 bytes",
                reason(b -> b.phentsize = 32));
    }

    @Test
    void noProgramHeaders() {
        assertEquals("no program headers (e_phnum 0), so nothing to load", reason(b -> b.phnum = 0));
    }

    @Test
    void tooManyProgramHeaders() {
        assertEquals("too many program headers (e_phnum 74); at most 73 fit in the 4096 bytes Linux reads",
                reason(b -> b.phnum = 74));
        assertEquals("too many program headers (e_phnum 65535); at most 73 fit in the 4096 bytes Linux reads",
                reason(b -> b.phnum = 0xffff));
    }

    @Test
    void seventyThreeProgramHeadersFitInAPage() throws Exception {
        ElfBuilder b = ElfBuilder.staticExecutable();
        b.phoff = 0x1000;
        for (int i = 2; i < 73; i++) {
            b.phdr(ElfBuilder.PT_NOTE, R, 0, 0, 0, 0);
        }
        assertEquals(73, elf.parse(b.build()).phnum());
    }

    @Test
    void programHeadersPastTheEndOfTheFile() {
        assertEquals("truncated ELF file: program headers end at byte 176, file has 100", reason(b -> b.length = 100));
        assertEquals("truncated ELF file: program headers end at byte 8112, file has 528", reason(b -> {
            b.phoff = 8000;
            b.length = 528;
        }));
        assertEquals("truncated ELF file: program headers end at byte 18446744073709551724, file has 528",
                reason(b -> b.phoff = -4));
    }

    // ---- segments ----

    @Test
    void aSegmentPastTheEndOfTheFile() {
        assertEquals("truncated ELF file: segment 1 needs bytes 512..528, file has 520", reason(b -> b.length = 520));
        assertEquals("truncated ELF file: segment 2 needs bytes 18446744073709551615..18446744073709551631, file has 528",
                reason(b -> b.phdr(ElfBuilder.PT_LOAD, R, -1L, 0x30000, 16, 16)));
    }

    @Test
    void memorySmallerThanFile() {
        assertEquals("segment 2: memory size 16 is smaller than its file size 32",
                reason(b -> b.phdr(ElfBuilder.PT_LOAD, R, 0, 0x30000, 32, 16)));
        assertEquals("segment 2: memory size 0 is smaller than its file size 32",
                reason(b -> b.phdr(ElfBuilder.PT_LOAD, R, 0, 0x30000, 32, 0)));
    }

    @Test
    void aSegmentInPageZero() {
        assertEquals("segment 2 starts at 0x0, in page 0 (below 0x1000), which stays unmapped so null pointers fault",
                reason(b -> b.phdr(ElfBuilder.PT_LOAD, R, 0, 0, 16, 16)));
        assertEquals("segment 2 starts at 0xff8, in page 0 (below 0x1000), which stays unmapped so null pointers fault",
                reason(b -> b.phdr(ElfBuilder.PT_LOAD, R, 0, 0xff8, 0, 16)));
    }

    @Test
    void aSegmentWrappingTheAddressSpace() {
        assertEquals("segment 2 at 0xfffffffffffff000 with memory size 0x2000 wraps past the end of the address space",
                reason(b -> b.phdr(ElfBuilder.PT_LOAD, R, 0, 0xffff_ffff_ffff_f000L, 0, 0x2000)));
    }

    @Test
    void aSegmentAboveTheUserLimit() {
        assertEquals("segment 2 (0x3effffff00..0x3f00000100) reaches above the user address limit 0x3f00000000",
                reason(b -> b.phdr(ElfBuilder.PT_LOAD, R | W, 0, 0x3e_ffff_ff00L, 0, 0x200)));
        assertEquals("segment 2 (0x8000000000000000..0x8000000000000010) reaches above the user address limit 0x3f00000000",
                reason(b -> b.phdr(ElfBuilder.PT_LOAD, R | W, 0, 0x8000_0000_0000_0000L, 0, 0x10)));
    }

    @Test
    void overlappingSegments() {
        assertEquals("segments 1 and 2 overlap (0x11200..0x11300 and 0x112ff..0x11400)",
                reason(b -> b.phdr(ElfBuilder.PT_LOAD, R, 0, 0x112ff, 0, 0x101)));
        assertEquals("segments 0 and 2 overlap (0x10000..0x10200 and 0x8000..0x20000)",
                reason(b -> b.phdr(ElfBuilder.PT_LOAD, R, 0, 0x8000, 0, 0x18000)));
    }

    @Test
    void noLoadableSegments() {
        assertEquals("no loadable segments", reason(withHeaders(0x10000, b -> {
            b.phdr(ElfBuilder.PT_NOTE, R, 0x200, 0, 0x10, 0x10);
            b.phdr(ElfBuilder.PT_LOAD, R, 0x200, 0x10000, 0, 0);
        }).build()));
    }

    @Test
    void anEntryPointOutsideExecutableCodeIsLeftToFaultAsOnLinux() throws Exception {
        for (long entry : new long[] {0x11200, 0x10200, 0, 0x3f_ffff_fff0L}) {
            ElfBuilder b = ElfBuilder.staticExecutable();
            b.entry = entry;
            assertEquals(entry, elf.parse(b.build()).entry());
        }
    }

    @Test
    void anEntryPointOutsideUserSpace() {
        assertEquals("entry point 0x4000000000 is outside the user address space (below 0x4000000000)",
                reason(b -> b.entry = 0x40_0000_0000L));
        assertEquals("entry point 0xffffffff80000000 is outside the user address space (below 0x4000000000)",
                reason(b -> b.entry = 0xffff_ffff_8000_0000L));
    }

    @Test
    void aSegmentWhoseOffsetAndAddressDifferModuloThePageSize() {
        assertEquals("segment 1: file offset 0x210 and address 0x11200 differ modulo the page size (4096), so it "
                + "cannot be mapped", reason(b -> {
                    b.payload(0x210, new byte[0x10]);
                    b.phdr(1, ElfBuilder.PT_LOAD, R | W, 0x210, 0x11200, 0x10, 0x100);
                }));
        assertEquals("segment 2: file offset 0x0 and address 0x30001 differ modulo the page size (4096), so it "
                + "cannot be mapped", reason(b -> b.phdr(ElfBuilder.PT_LOAD, R, 0, 0x30001, 0x10, 0x10)));
    }

    @Test
    void aBssSegmentMayHaveAnyOffset() throws Exception {
        ElfBuilder b = ElfBuilder.staticExecutable();
        b.phdr(ElfBuilder.PT_LOAD, R | W, 0x123, 0x30000, 0, 0x1000);
        assertEquals(3, elf.parse(b.build()).segments().size(), "no file bytes: nothing mapped from the file");
    }
}
