package osbox.kernel.core.proc;

import osbox.api.hw.HartContext;

/**
 * Linux riscv64's {@code struct rt_sigframe} (arch/riscv/kernel/signal.c),
 * byte for byte: {@code struct siginfo} (128 bytes), then
 * {@code struct ucontext}: uc_flags, uc_link, uc_stack (ss_sp, ss_flags,
 * ss_size), uc_sigmask (8 bytes, then padding to the 128 bytes of the
 * kernel's sigset area), and at offset 176 of it, 16-byte aligned,
 * {@code struct sigcontext}: sc_regs (pc, x1..x31) and the 528-byte
 * {@code union __riscv_fp_state}, of which the D variant is used (f[32],
 * fcsr), with Linux 6.x's extension header over its tail: the reserved
 * word (0) and an END header (magic 0, size 0). 1088 bytes in all. Only
 * packing and unpacking here; {@link SignalDelivery} decides where.
 */
public final class SignalFrame {
    /** Offsets in the frame. */
    public static final int INFO = 0, UCONTEXT = 128, UC_FLAGS = UCONTEXT, UC_LINK = UCONTEXT + 8,
            UC_STACK = UCONTEXT + 16, UC_SIGMASK = UCONTEXT + 40, MCONTEXT = UCONTEXT + 176,
            SC_REGS = MCONTEXT, SC_FPREGS = MCONTEXT + 256, SC_FCSR = SC_FPREGS + 256,
            SC_RESERVED = SC_FPREGS + 516, SC_END_MAGIC = SC_FPREGS + 520, SC_END_SIZE = SC_FPREGS + 524;
    /** sizeof(struct rt_sigframe). */
    public static final int SIZE = MCONTEXT + 256 + 528;

    private SignalFrame() {
    }

    /**
     * The frame for a signal delivered with {@code info} to registers
     * {@code ctx}: uc_stack as sigaltstack reports it at ctx's sp
     * (ss_sp, flags, ss_size), uc_sigmask {@code mask} (the mask to restore).
     */
    public static byte[] build(SigInfo info, HartContext ctx, long altSp, int altFlags, long altSize, long mask) {
        byte[] b = new byte[SIZE];
        System.arraycopy(info.bytes(), 0, b, INFO, SigInfo.SIZE);
        SigInfo.putLong(b, UC_STACK, altSp);
        SigInfo.putInt(b, UC_STACK + 8, altFlags);
        SigInfo.putLong(b, UC_STACK + 16, altSize);
        SigInfo.putLong(b, UC_SIGMASK, mask);
        SigInfo.putLong(b, SC_REGS, ctx.pc);
        for (int i = 1; i < 32; i++) {
            SigInfo.putLong(b, SC_REGS + 8 * i, ctx.x[i]);
        }
        for (int i = 0; i < 32; i++) {
            SigInfo.putLong(b, SC_FPREGS + 8 * i, ctx.f[i]);
        }
        SigInfo.putInt(b, SC_FCSR, ctx.fcsr);
        return b;
    }

    /**
     * rt_sigreturn's check and restore: false (nothing changed) when the
     * reserved word or the END header is not as Linux's restore_sigcontext
     * wants it; otherwise pc, x1..x31, f0..f31 and fcsr (its 8 defined
     * bits) are set from the frame.
     */
    public static boolean restore(byte[] b, HartContext ctx) {
        if (SigInfo.getInt(b, SC_RESERVED) != 0 || SigInfo.getInt(b, SC_END_MAGIC) != 0
                || SigInfo.getInt(b, SC_END_SIZE) != 0) {
            return false;
        }
        ctx.pc = SigInfo.getLong(b, SC_REGS);
        for (int i = 1; i < 32; i++) {
            ctx.x[i] = SigInfo.getLong(b, SC_REGS + 8 * i);
        }
        for (int i = 0; i < 32; i++) {
            ctx.f[i] = SigInfo.getLong(b, SC_FPREGS + 8 * i);
        }
        ctx.fcsr = SigInfo.getInt(b, SC_FCSR) & 0xff;
        return true;
    }

    /** uc_sigmask of a frame. */
    public static long mask(byte[] b) {
        return SigInfo.getLong(b, UC_SIGMASK);
    }

    /** uc_stack of a frame: ss_sp, ss_flags, ss_size. */
    public static long[] stack(byte[] b) {
        return new long[] {SigInfo.getLong(b, UC_STACK), SigInfo.getInt(b, UC_STACK + 8),
            SigInfo.getLong(b, UC_STACK + 16)};
    }
}
