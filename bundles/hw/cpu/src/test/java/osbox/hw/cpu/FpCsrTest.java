package osbox.hw.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static osbox.hw.cpu.Asm.*;

import org.junit.jupiter.api.Test;

/**
 * fflags (0x001), frm (0x002) and fcsr (0x003) through csrrw, csrrs, csrrc
 * and the immediate forms: fcsr = frm << 5 | fflags, each a view of the
 * same bits; writes drop bits beyond the CSR's width.
 */
class FpCsrTest {
    private static final int FFLAGS = 0x001, FRM = 0x002, FCSR = 0x003;
    private static final int CSRRW = 1, CSRRS = 2, CSRRC = 3, CSRRWI = 5, CSRRSI = 6, CSRRCI = 7;

    @Test
    void eachCsrIsAViewOfFcsr() {
        Rig r = new Rig().code(a -> {
            a.csr(CSRRW, A0, FCSR, A1); // fscsr: old fcsr, write 0xa5 = frm 5, flags 5
            a.csr(CSRRS, A2, FRM, ZERO); // frrm
            a.csr(CSRRS, A3, FFLAGS, ZERO); // frflags
            a.csr(CSRRWI, A4, FRM, 2); // fsrmi 2
            a.csr(CSRRCI, A5, FFLAGS, 1); // clear NX
            a.csr(CSRRS, A6, FCSR, ZERO);
            a.ecall();
        });
        r.ctx.fcsr = 0x3f;
        r.set(A1, 0xa5);
        r.runToEcall();
        assertEquals(0x3f, r.x(A0));
        assertEquals(5, r.x(A2));
        assertEquals(5, r.x(A3));
        assertEquals(5, r.x(A4), "fsrmi reads the old mode");
        assertEquals(5, r.x(A5));
        assertEquals(2 << 5 | 4, r.x(A6));
        assertEquals(2 << 5 | 4, r.ctx.fcsr);
    }

    @Test
    void writesDropBitsBeyondTheWidth() {
        Rig r = new Rig().code(a -> {
            a.csr(CSRRW, ZERO, FFLAGS, A1); // 0xff: only 0x1f lands
            a.csr(CSRRS, A2, FCSR, ZERO);
            a.csr(CSRRW, ZERO, FRM, A1); // only 7 lands
            a.csr(CSRRS, A3, FCSR, ZERO);
            a.csr(CSRRW, ZERO, FCSR, A4); // 0x1ff: 0xff lands
            a.csr(CSRRS, A5, FCSR, ZERO);
            a.ecall();
        });
        r.set(A1, 0xff).set(A4, 0x1ff);
        r.runToEcall();
        assertEquals(0x1f, r.x(A2));
        assertEquals(0xff, r.x(A3));
        assertEquals(0xff, r.x(A5));
        assertEquals(0xff, r.ctx.fcsr);
    }

    @Test
    void setAndClearForms() {
        Rig r = new Rig().code(a -> {
            a.csr(CSRRS, A0, FFLAGS, A1); // set 0x12
            a.csr(CSRRC, A2, FFLAGS, A3); // clear 0x02
            a.csr(CSRRSI, A4, FRM, 4); // frm |= 4
            a.csr(CSRRCI, A5, FCSR, 0x10); // clear NV through fcsr
            a.csr(CSRRS, A6, FCSR, ZERO);
            a.ecall();
        });
        r.ctx.fcsr = 1 << 5 | 1; // RTZ, NX
        r.set(A1, 0x12).set(A3, 0x02);
        r.runToEcall();
        assertEquals(1, r.x(A0));
        assertEquals(0x13, r.x(A2));
        assertEquals(1, r.x(A4));
        assertEquals(5 << 5 | 0x11, r.x(A5));
        assertEquals(5 << 5 | 1, r.x(A6));
    }

    @Test
    void setAndClearWithZeroDoNotWrite() {
        Rig r = new Rig().code(a -> {
            a.csr(CSRRS, A0, FCSR, ZERO);
            a.csr(CSRRC, A1, FCSR, ZERO);
            a.csr(CSRRSI, A2, FRM, 0);
            a.csr(CSRRCI, A3, FFLAGS, 0);
            a.csr(CSRRW, A4, FFLAGS, ZERO); // csrrw with x0 does write: 0
            a.ecall();
        });
        r.ctx.fcsr = 0x7b;
        r.runToEcall();
        assertEquals(0x7b, r.x(A0));
        assertEquals(0x7b, r.x(A1));
        assertEquals(3, r.x(A2));
        assertEquals(0x1b, r.x(A3));
        assertEquals(0x1b, r.x(A4));
        assertEquals(0x60, r.ctx.fcsr);
    }

    @Test
    void countersStillWorkAlongside() {
        Rig r = new Rig().code(a -> {
            a.csr(CSRRWI, ZERO, FRM, 3);
            a.rdinstret(A0);
            a.csr(CSRRS, A1, FRM, ZERO);
            a.ecall();
        });
        r.runToEcall();
        assertEquals(1, r.x(A0));
        assertEquals(3, r.x(A1));
    }
}
