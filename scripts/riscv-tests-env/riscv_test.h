// osbox's user-mode environment for the riscv-tests ISA suites.
//
// The official suite (https://github.com/riscv-software-src/riscv-tests)
// builds each test against an environment header that defines the
// RVTEST_* macros; its own "p" environment runs the test in machine mode
// and reports through a `tohost` word. This one is written for osbox (and
// qemu-riscv64): the test is an ordinary Linux riscv64 user program.
//
//   RVTEST_CODE_BEGIN  `_start`: clears x1..x31 but sp, runs `init`
//                      (the FP setup for RVTEST_RV64UF), then the test.
//   RVTEST_PASS        exit(0) (ecall 93).
//   RVTEST_FAIL        writes "riscv-tests: FAIL test N" to stderr and
//                      exits with status N, the failing test's number in
//                      TESTNUM (gp); 255 if N is 0 or above 255, so a
//                      failure never reads as a pass.
//   RVTEST_DATA_BEGIN/END  mark the data; the linker script (link.ld) puts
//                      code and data in one RWX PT_LOAD segment, as the
//                      self-modifying fence_i test needs.
//
// Only the macros the user-level suites (rv64ui, um, ua, uc, uf, ud) use
// are here. gp holds TESTNUM, so nothing may be gp-relative: the linker
// script defines no __global_pointer$.
#ifndef OSBOX_RISCV_TEST_H
#define OSBOX_RISCV_TEST_H

// Two test macros (MISALIGNED_*_HANDLER) name these trap causes; the user
// suites never expand them, but the names must exist.
#define CAUSE_MISALIGNED_LOAD 0x4
#define CAUSE_MISALIGNED_STORE 0x6

#define TESTNUM gp

#define SYS_write 64
#define SYS_exit 93

// Integer-only tests need no set-up.
#define RVTEST_RV64U    \
  .macro init;          \
  .endm

// FP tests: Linux starts a user program with the FP unit on (sstatus.FS
// is the kernel's business, not the program's); clear fcsr (round to
// nearest, no flags) as the p environment does.
#define RVTEST_RV64UF   \
  .macro init;          \
  csrwi fcsr, 0;        \
  .endm

#define RVTEST_RV64UV RVTEST_RV64UF

// Zeroes every integer register but sp (x2), which holds the stack the
// kernel gave the program.
#define OSBOX_CLEAR_XREGS \
  li x1, 0; li x3, 0; li x4, 0; li x5, 0; li x6, 0; li x7, 0;          \
  li x8, 0; li x9, 0; li x10, 0; li x11, 0; li x12, 0; li x13, 0;      \
  li x14, 0; li x15, 0; li x16, 0; li x17, 0; li x18, 0; li x19, 0;    \
  li x20, 0; li x21, 0; li x22, 0; li x23, 0; li x24, 0; li x25, 0;    \
  li x26, 0; li x27, 0; li x28, 0; li x29, 0; li x30, 0; li x31, 0

#define RVTEST_CODE_BEGIN                                               \
        .section .text.init, "ax", @progbits;                           \
        .align 6;                                                       \
        .globl _start;                                                  \
_start:                                                                 \
        OSBOX_CLEAR_XREGS;                                              \
        init;                                                           \
        j osbox_test_begin;                                             \
        OSBOX_FAIL_ROUTINE;                                             \
osbox_test_begin:

#define RVTEST_CODE_END                                                 \
        unimp

#define RVTEST_PASS                                                     \
        fence;                                                          \
        li a0, 0;                                                       \
        li a7, SYS_exit;                                                \
        ecall

#define RVTEST_FAIL                                                     \
        fence;                                                          \
        j osbox_test_failed

// The failure path, placed once before the test's code: formats TESTNUM
// in decimal into a buffer on the stack, writes the message to fd 2 and
// exits with the test number (255 when it would not fit a status or
// would read as success).
#define OSBOX_FAIL_ROUTINE                                              \
        .pushsection .rodata, "a", @progbits;                           \
osbox_fail_text:                                                        \
        .ascii "riscv-tests: FAIL test ";                               \
osbox_fail_text_end:                                                    \
        .popsection;                                                    \
osbox_test_failed:                                                      \
        addi sp, sp, -64;                                               \
        li t0, 10;                        /* the newline, last */       \
        sb t0, 63(sp);                                                  \
        addi t1, sp, 63;                  /* digits go before it */     \
        mv t2, TESTNUM;                                                 \
osbox_fail_digit:                                                       \
        remu t3, t2, t0;                                                \
        addi t3, t3, '0';                                               \
        addi t1, t1, -1;                                                \
        sb t3, 0(t1);                                                   \
        divu t2, t2, t0;                                                \
        bnez t2, osbox_fail_digit;                                      \
        la t4, osbox_fail_text;           /* the prefix before them */  \
        la t5, osbox_fail_text_end;                                     \
        sub t5, t5, t4;                                                 \
        sub t1, t1, t5;                                                 \
        mv t6, t1;                                                      \
osbox_fail_prefix:                                                      \
        lbu t3, 0(t4);                                                  \
        sb t3, 0(t6);                                                   \
        addi t4, t4, 1;                                                 \
        addi t6, t6, 1;                                                 \
        addi t5, t5, -1;                                                \
        bnez t5, osbox_fail_prefix;                                     \
        li a0, 2;                                                       \
        mv a1, t1;                                                      \
        addi a2, sp, 64;                                                \
        sub a2, a2, t1;                                                 \
        li a7, SYS_write;                                               \
        ecall;                                                          \
        mv a0, TESTNUM;                                                 \
        li t0, 255;                                                     \
        beqz a0, osbox_fail_255;                                        \
        bleu a0, t0, osbox_fail_exit;                                   \
osbox_fail_255:                                                         \
        li a0, 255;                                                     \
osbox_fail_exit:                                                        \
        li a7, SYS_exit;                                                \
        ecall

#define EXTRA_DATA

#define RVTEST_DATA_BEGIN                                               \
        EXTRA_DATA                                                      \
        .align 4;                                                       \
        .global begin_signature;                                        \
begin_signature:

#define RVTEST_DATA_END                                                 \
        .align 4;                                                       \
        .global end_signature;                                          \
end_signature:

#endif
