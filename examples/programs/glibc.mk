# glibc.mk: the build rules the glibc example directories share (glibc,
# glibc-threads, ipc, glibc-ipc, glibc-mq), with Debian's cross compiler
# (gcc-riscv64-linux-gnu, g++-riscv64-linux-gnu, libc6-dev-riscv64-cross):
# static, -O2, stripped. A directory's Makefile sets HERE (its own
# directory), C_PROGRAMS and, if it needs them, CXX_PROGRAMS, EXTRA_CFLAGS
# and LDLIBS, then includes this file; its own targets come after.
#   make              rebuild the .elf files beside their sources
#   make OUTDIR=dir   build them into another directory (../check-rebuild.sh DIR)
#   make print-cc     the C compiler's name (what ../check-rebuild.sh looks for)

OUTDIR       ?= $(HERE)
CC           := riscv64-linux-gnu-gcc
CXX          := riscv64-linux-gnu-g++
CFLAGS       := -static -O2 -s -Wall -Wextra $(EXTRA_CFLAGS)
CXX_PROGRAMS ?=

.PHONY: all print-cc FORCE
all: $(C_PROGRAMS:%=$(OUTDIR)/%.elf) $(CXX_PROGRAMS:%=$(OUTDIR)/%.elf)

print-cc:
	@echo $(CC)

$(OUTDIR)/%.elf: $(HERE)/%.c FORCE
	@mkdir -p $(OUTDIR)
	$(CC) $(CFLAGS) -o $@ $< $(LDLIBS)

$(OUTDIR)/%.elf: $(HERE)/%.cc FORCE
	@mkdir -p $(OUTDIR)
	$(CXX) $(CFLAGS) -o $@ $<

FORCE:
