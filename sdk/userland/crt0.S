/*
 * crt0.S: process entry for osbox programs (Linux riscv64 initial stack).
 *
 * At _start, sp points at argc; argv[0..argc-1] follow, then NULL, then
 * envp[], NULL, then the auxiliary vector. _start sets gp and tp (the TLS
 * block: .tdata is loaded in place by the ELF loader and the zero-filled
 * RW segment covers .tbss, so tp = __tls_base is all a single thread needs),
 * records environ, runs the constructors, then exit(main(argc, argv, envp)).
 */
    .file "crt0.S"
    .section .text._start, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    .option push
    .option norelax
    la      gp, __global_pointer$
    .option pop
    la      tp, __tls_base

    ld      s0, 0(sp)               /* s0 = argc */
    addi    s1, sp, 8               /* s1 = argv */
    slli    t0, s0, 3
    add     s2, s1, t0
    addi    s2, s2, 8               /* s2 = envp, just past argv's NULL */
    la      t1, environ
    sd      s2, 0(t1)
    andi    sp, sp, -16             /* keep the ABI's 16-byte alignment */

    call    __libc_init_array

    mv      a0, s0
    mv      a1, s1
    mv      a2, s2
    call    main
    call    exit                    /* flushes stdio, never returns */
    .size _start, . - _start
