/* x86_64-exit.S: a tiny x86-64 Linux program that exits 0 (a wrong-machine fixture). */
    .globl _start
_start:
    mov $60, %eax
    xor %edi, %edi
    syscall
