package osbox.hw.cpu;

import static osbox.hw.cpu.Asm.*;

import osbox.api.hw.TrapCause;

/**
 * Speed check, not a test: runs a 10-instruction loop (ALU, a load, a store,
 * a branch) for about 200 M instructions and prints M instructions/s.
 * The same hart runs every round unless "fresh" asks for a new machine per round.
 * The hart runs in slices of {@code quantum} cycles (default 1 M), as a scheduler would drive it.
 * Run: java -cp target/classes:target/test-classes:&lt;api&gt;:&lt;memory&gt; osbox.hw.cpu.SpeedCheck [instructions [quantum [fresh]]]
 */
public final class SpeedCheck {
    private SpeedCheck() {
    }

    public static void main(String[] args) {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 200_000_000L;
        long quantum = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        boolean fresh = args.length > 2 && args[2].equals("fresh");
        Rig r = null;
        for (int round = 0; round < 5; round++) {
            if (r == null || fresh) {
                r = new Rig();
                r.code(a -> {
                    a.addi(A0, A0, 1); // loop:
                    a.xor(A1, A1, A0);
                    a.add(A2, A2, A1);
                    a.slli(A3, A2, 1);
                    a.sub(A4, A3, A0);
                    a.andi(A5, A4, 255);
                    a.sd(A5, SP, 8);
                    a.ld(A6, SP, 8);
                    a.addi(T0, T0, -1);
                    a.bne(T0, ZERO, -36);
                    a.ecall();
                });
            }
            r.ctx.pc = Rig.CODE;
            r.set(SP, Rig.DATA + 0x800);
            r.set(T0, total / 10 + 1);
            long start = r.hart.cycle();
            long end = start + total;
            long t0 = System.nanoTime();
            int cause = TrapCause.NONE;
            while (cause == TrapCause.NONE && r.hart.cycle() < end) {
                cause = r.hart.run(Math.min(end, r.hart.cycle() + quantum));
            }
            long ns = System.nanoTime() - t0;
            if (cause != TrapCause.NONE) {
                throw new AssertionError("unexpected trap " + TrapCause.name(cause));
            }
            System.out.printf("round %d: %d instructions in %.3f s = %.1f M instructions/s%n", round,
                    r.hart.cycle() - start, ns / 1e9, (r.hart.cycle() - start) / (ns / 1e3));
        }
    }
}
