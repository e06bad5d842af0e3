/**
 * IEEE 754 arithmetic for the F and D extensions on raw bits (the hart's
 * f registers hold bits, NaN-boxed for single precision): every RISC-V
 * rounding mode and exception flag, canonical NaNs. Pure functions of their
 * inputs plus the flags they raise; no state. Not exported.
 *
 * <p>How results are exact: {@code Binary64} and {@code Binary32} screen
 * NaNs on the raw bits, then {@code ExactOps} computes each true result as
 * an integer magnitude, a binary exponent and a sticky bit (add: aligned
 * longs with guard bits; mul: the 106-bit product; div: long division;
 * sqrt: Math.sqrt of the integer significand plus the side of the true root
 * from one exact fma; fma: a 128-bit frame, {@code Int128}). Binary32
 * operands are widened to double exactly and rounded once, to 24 bits.
 * {@code Rounder} is the only place that rounds: the five modes, overflow
 * to infinity or the largest finite value by mode, subnormals, and
 * tininess after rounding for UF. {@code FpConvert} uses the same pieces.
 * The tests check hand-picked cases, a BigDecimal model on seeded random
 * operands, and results recorded from qemu-riscv64.
 */
package osbox.hw.cpu.fp;
