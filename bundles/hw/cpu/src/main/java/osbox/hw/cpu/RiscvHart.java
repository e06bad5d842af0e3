package osbox.hw.cpu;

import static osbox.hw.cpu.Ops.*;

import osbox.api.hw.Access;
import osbox.api.hw.Hart;
import osbox.api.hw.HartContext;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;
import osbox.api.hw.TrapCause;

/**
 * One RV64IMAC user-mode hart. {@link #run} is the interpreter: it executes
 * decoded slots of the current {@link DecodedPage} through one switch, with
 * the common instructions inline and the rare ones (atomics, slow memory
 * paths, page changes) in small methods. Loads and stores use the
 * translation unit's fast-path arrays directly and fall back to
 * {@link TranslationUnit#refill}; faults are reported through the
 * {@code fault} field, never by exceptions.
 *
 * <p>With a software-managed TLB ({@link TranslationUnit#softwareManaged()})
 * and satp in Sv39 mode, a refill or slow-path translation that fails is not
 * a page fault but a TLB miss: the hart raises
 * {@link TrapCause#INSTRUCTION_TLB_MISS}, {@link TrapCause#LOAD_TLB_MISS} or
 * {@link TrapCause#STORE_TLB_MISS} with the faulting address in tval, and
 * the kernel installs the entry and resumes at the same pc. The fast path is
 * the same in both designs.
 */
public final class RiscvHart implements Hart {
    private static final long PAGE_BASE = ~0xfffL;
    private static final int NONE = TrapCause.NONE;
    /** Iterations of the interpreter's inner (counted) loop before it re-enters it. */
    private static final int CHUNK = 1 << 30;

    private final int id;
    private final TranslationUnit mmu;
    private final DecodeCache cache;
    private final PhysicalMemory memory;
    private final long timeDivider;
    private final long[] readTags;
    private final long[] writeTags;
    private final long[] execTags;
    private final long[] ppns;
    private final byte[][] pages;
    private final int tlbMask;
    /** Whether the translation unit is software-managed (fixed for its life). */
    private final boolean softwareTlb;
    /** For the current run: failed translations are TLB misses, not page faults. */
    private boolean tlbMissTraps;
    /** Holds a page-crossing instruction in its last slot; every other slot is RELOOKUP. */
    private final DecodedPage scratch = new DecodedPage(-1, null);
    /** Slots that all say RELOOKUP: the code array used when the current page must be looked up. */
    private static final long[] RELOOK = DecodedPage.relookupSlots();

    private HartContext context;
    private long cycle;
    private long instret;
    private long idleCycles;
    private long trapValue;

    /** Cause of a fault raised by a slow path, read by the loop; NONE when none. */
    private int fault = NONE;
    /** The address-space tag for the current run. */
    private long asid;
    /** Fast-path hits counted outside the loop (page entries, atomics). */
    private long otherHits;

    // LR/SC reservation.
    private boolean reserved;
    private long reservedAddress;
    private int reservedSize;
    private long reservedValue;

    RiscvHart(int id, TranslationUnit mmu, DecodeCache cache, long timeDivider) {
        if (timeDivider < 1) {
            throw new IllegalArgumentException("time divider must be >= 1: " + timeDivider);
        }
        this.id = id;
        this.mmu = mmu;
        this.cache = cache;
        this.memory = cache.memory();
        this.timeDivider = timeDivider;
        this.readTags = mmu.readTags();
        this.writeTags = mmu.writeTags();
        this.execTags = mmu.execTags();
        this.ppns = mmu.ppns();
        this.pages = mmu.pages();
        this.tlbMask = mmu.tlbMask();
        this.softwareTlb = mmu.softwareManaged();
        java.util.Arrays.fill(scratch.code, DecodedPage.pack(RELOOKUP, 0, 0, 0, 0, 0, 0));
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public TranslationUnit mmu() {
        return mmu;
    }

    @Override
    public void setContext(HartContext context) {
        this.context = context;
        this.reserved = false;
    }

    @Override
    public HartContext context() {
        return context;
    }

    @Override
    public long trapValue() {
        return trapValue;
    }

    @Override
    public long cycle() {
        return cycle;
    }

    @Override
    public void addCycles(long cycles) {
        if (cycles < 0) {
            throw new IllegalArgumentException("negative cycles: " + cycles);
        }
        cycle += cycles;
    }

    @Override
    public long instret() {
        return instret;
    }

    @Override
    public long idleCycles() {
        return idleCycles;
    }

    @Override
    public void flushDecodeCache() {
        cache.flush();
    }

    /** Whether an LR reservation is held (for tests). */
    boolean hasReservation() {
        return reserved;
    }

    /**
     * Runs until the cycle counter reaches {@code untilCycle} (checked before
     * each instruction, so the last one may overshoot by its cost) or a trap.
     */
    @Override
    public int run(long untilCycle) {
        HartContext ctx = context;
        if (ctx == null) {
            if (cycle < untilCycle) {
                idleCycles += untilCycle - cycle;
                cycle = untilCycle;
            }
            return NONE;
        }
        if (cycle >= untilCycle) {
            return NONE;
        }
        if ((ctx.pc & 1) != 0) {
            trapValue = ctx.pc;
            return TrapCause.INSTRUCTION_MISALIGNED;
        }
        asid = mmu.asidTag();
        tlbMissTraps = softwareTlb && (int) (mmu.satp() >>> 60) != TranslationUnit.MODE_BARE;
        fault = NONE;
        return execute(ctx, untilCycle);
    }

    // The interpreter loop. Expects ctx.pc even. The pc lives as the
    // current page's virtual base plus an int offset into it; sequential
    // execution past the page end lands on the two RELOOKUP slots after the
    // last one, and control transfers that leave the page switch to
    // RELOOK, so no per-instruction page check is needed. Counters and the
    // decoded page stay in locals and are written back on exit. On a trap,
    // pc is the trapping instruction's and nothing of it has happened.
    // The dispatch loop is an int-counted for loop (inside an outer loop
    // that only restarts it after CHUNK iterations): HotSpot strip-mines a
    // counted loop and polls for safepoints once per strip rather than on
    // every back edge, which made checksum about 11% faster.
    private int execute(HartContext ctx, long until) {
        final long[] x = ctx.x;
        if (x.length != 32) {
            throw new IllegalStateException("a context has 32 registers, not " + x.length);
        }
        final long[] rtags = readTags;
        final long[] wtags = writeTags;
        final byte[][] frames = pages;
        final int mask = tlbMask;
        final long tagBits = asid;
        long vbase = ctx.pc & PAGE_BASE;
        int off = (int) ctx.pc & 0xfff;
        long cyc = cycle;
        long ret = instret;
        long hits = 0;
        DecodedPage page = null;
        long[] code = RELOOK;
        int cause = NONE;

        loop:
        while (true) {
            // An int-counted inner loop, so the JIT polls for safepoints once
            // per strip of iterations instead of once per instruction.
            for (int k = 0; k < CHUNK; k++) {
                if (cyc >= until) {
                    break loop;
                }
                final int s = off >>> 1;
                final long w = code[s];
                final int f = (int) w;
                final int imm = (int) (w >> 32);
                switch (f & DecodedPage.OP_MASK) {
                    case UNDECODED:
                        cache.decodeSlot(page, s);
                        continue;
                    case NOP:
                    case FENCE:
                        off += f >>> 29;
                        break;
                    case ADDI:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] + imm;
                        off += f >>> 29;
                        break;
                    case SLTI:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] < imm ? 1 : 0;
                        off += f >>> 29;
                        break;
                    case SLTIU:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] + Long.MIN_VALUE < imm + Long.MIN_VALUE ? 1 : 0;
                        off += f >>> 29;
                        break;
                    case XORI:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] ^ imm;
                        off += f >>> 29;
                        break;
                    case ORI:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] | imm;
                        off += f >>> 29;
                        break;
                    case ANDI:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] & imm;
                        off += f >>> 29;
                        break;
                    case SLLI:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] << imm;
                        off += f >>> 29;
                        break;
                    case SRLI:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] >>> imm;
                        off += f >>> 29;
                        break;
                    case SRAI:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] >> imm;
                        off += f >>> 29;
                        break;
                    case LUI:
                        x[(f >>> 14) & 31] = imm;
                        off += f >>> 29;
                        break;
                    case AUIPC:
                        x[(f >>> 14) & 31] = vbase + off + imm;
                        off += f >>> 29;
                        break;
                    case ADD:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] + x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case SUB:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] - x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case SLL:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] << x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case SLT:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] < x[(f >>> 24) & 31] ? 1 : 0;
                        off += f >>> 29;
                        break;
                    case SLTU:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] + Long.MIN_VALUE < x[(f >>> 24) & 31] + Long.MIN_VALUE ? 1 : 0;
                        off += f >>> 29;
                        break;
                    case XOR:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] ^ x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case SRL:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] >>> x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case SRA:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] >> x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case OR:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] | x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case AND:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] & x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case ADDIW:
                        x[(f >>> 14) & 31] = (int) x[(f >>> 19) & 31] + imm;
                        off += f >>> 29;
                        break;
                    case SLLIW:
                        x[(f >>> 14) & 31] = (int) x[(f >>> 19) & 31] << imm;
                        off += f >>> 29;
                        break;
                    case SRLIW:
                        x[(f >>> 14) & 31] = (int) x[(f >>> 19) & 31] >>> imm;
                        off += f >>> 29;
                        break;
                    case SRAIW:
                        x[(f >>> 14) & 31] = (int) x[(f >>> 19) & 31] >> imm;
                        off += f >>> 29;
                        break;
                    case ADDW:
                        x[(f >>> 14) & 31] = (int) x[(f >>> 19) & 31] + (int) x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case SUBW:
                        x[(f >>> 14) & 31] = (int) x[(f >>> 19) & 31] - (int) x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case SLLW:
                        x[(f >>> 14) & 31] = (int) x[(f >>> 19) & 31] << (int) x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case SRLW:
                        x[(f >>> 14) & 31] = (int) x[(f >>> 19) & 31] >>> (int) x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case SRAW:
                        x[(f >>> 14) & 31] = (int) x[(f >>> 19) & 31] >> (int) x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case MUL:
                        x[(f >>> 14) & 31] = x[(f >>> 19) & 31] * x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case MULH:
                        x[(f >>> 14) & 31] = MulDiv.mulh(x[(f >>> 19) & 31], x[(f >>> 24) & 31]);
                        off += f >>> 29;
                        break;
                    case MULHSU:
                        x[(f >>> 14) & 31] = MulDiv.mulhsu(x[(f >>> 19) & 31], x[(f >>> 24) & 31]);
                        off += f >>> 29;
                        break;
                    case MULHU:
                        x[(f >>> 14) & 31] = MulDiv.mulhu(x[(f >>> 19) & 31], x[(f >>> 24) & 31]);
                        off += f >>> 29;
                        break;
                    case MULW:
                        x[(f >>> 14) & 31] = (int) x[(f >>> 19) & 31] * (int) x[(f >>> 24) & 31];
                        off += f >>> 29;
                        break;
                    case DIV:
                        x[(f >>> 14) & 31] = MulDiv.div(x[(f >>> 19) & 31], x[(f >>> 24) & 31]);
                        off += f >>> 29;
                        break;
                    case DIVU:
                        x[(f >>> 14) & 31] = MulDiv.divu(x[(f >>> 19) & 31], x[(f >>> 24) & 31]);
                        off += f >>> 29;
                        break;
                    case REM:
                        x[(f >>> 14) & 31] = MulDiv.rem(x[(f >>> 19) & 31], x[(f >>> 24) & 31]);
                        off += f >>> 29;
                        break;
                    case REMU:
                        x[(f >>> 14) & 31] = MulDiv.remu(x[(f >>> 19) & 31], x[(f >>> 24) & 31]);
                        off += f >>> 29;
                        break;
                    case DIVW:
                        x[(f >>> 14) & 31] = MulDiv.divw(x[(f >>> 19) & 31], x[(f >>> 24) & 31]);
                        off += f >>> 29;
                        break;
                    case DIVUW:
                        x[(f >>> 14) & 31] = MulDiv.divuw(x[(f >>> 19) & 31], x[(f >>> 24) & 31]);
                        off += f >>> 29;
                        break;
                    case REMW:
                        x[(f >>> 14) & 31] = MulDiv.remw(x[(f >>> 19) & 31], x[(f >>> 24) & 31]);
                        off += f >>> 29;
                        break;
                    case REMUW:
                        x[(f >>> 14) & 31] = MulDiv.remuw(x[(f >>> 19) & 31], x[(f >>> 24) & 31]);
                        off += f >>> 29;
                        break;
                    case LB: {
                        long va = x[(f >>> 19) & 31] + imm;
                        int i = (int) (va >>> 12) & mask;
                        long v;
                        if (rtags[i] == ((va >>> 12) | tagBits)) {
                            v = frames[i][(int) va & 0xfff];
                            hits++;
                        } else {
                            v = (byte) loadSlow(va, 1);
                            if (fault != NONE) {
                                cause = fault;
                                break loop;
                            }
                        }
                        x[(f >>> 14) & 31] = v;
                        off += f >>> 29;
                        break;
                    }
                    case LBU: {
                        long va = x[(f >>> 19) & 31] + imm;
                        int i = (int) (va >>> 12) & mask;
                        long v;
                        if (rtags[i] == ((va >>> 12) | tagBits)) {
                            v = frames[i][(int) va & 0xfff] & 0xffL;
                            hits++;
                        } else {
                            v = loadSlow(va, 1);
                            if (fault != NONE) {
                                cause = fault;
                                break loop;
                            }
                        }
                        x[(f >>> 14) & 31] = v;
                        off += f >>> 29;
                        break;
                    }
                    case LH: {
                        long va = x[(f >>> 19) & 31] + imm;
                        int i = (int) (va >>> 12) & mask;
                        int po = (int) va & 0xfff;
                        long v;
                        if (rtags[i] == ((va >>> 12) | tagBits) && po <= 4094) {
                            v = (short) Le.U16.get(frames[i], po);
                            hits++;
                        } else {
                            v = (short) loadSlow(va, 2);
                            if (fault != NONE) {
                                cause = fault;
                                break loop;
                            }
                        }
                        x[(f >>> 14) & 31] = v;
                        off += f >>> 29;
                        break;
                    }
                    case LHU: {
                        long va = x[(f >>> 19) & 31] + imm;
                        int i = (int) (va >>> 12) & mask;
                        int po = (int) va & 0xfff;
                        long v;
                        if (rtags[i] == ((va >>> 12) | tagBits) && po <= 4094) {
                            v = (short) Le.U16.get(frames[i], po) & 0xffffL;
                            hits++;
                        } else {
                            v = loadSlow(va, 2);
                            if (fault != NONE) {
                                cause = fault;
                                break loop;
                            }
                        }
                        x[(f >>> 14) & 31] = v;
                        off += f >>> 29;
                        break;
                    }
                    case LW: {
                        long va = x[(f >>> 19) & 31] + imm;
                        int i = (int) (va >>> 12) & mask;
                        int po = (int) va & 0xfff;
                        long v;
                        if (rtags[i] == ((va >>> 12) | tagBits) && po <= 4092) {
                            v = (int) Le.U32.get(frames[i], po);
                            hits++;
                        } else {
                            v = (int) loadSlow(va, 4);
                            if (fault != NONE) {
                                cause = fault;
                                break loop;
                            }
                        }
                        x[(f >>> 14) & 31] = v;
                        off += f >>> 29;
                        break;
                    }
                    case LWU: {
                        long va = x[(f >>> 19) & 31] + imm;
                        int i = (int) (va >>> 12) & mask;
                        int po = (int) va & 0xfff;
                        long v;
                        if (rtags[i] == ((va >>> 12) | tagBits) && po <= 4092) {
                            v = (int) Le.U32.get(frames[i], po) & 0xffffffffL;
                            hits++;
                        } else {
                            v = loadSlow(va, 4);
                            if (fault != NONE) {
                                cause = fault;
                                break loop;
                            }
                        }
                        x[(f >>> 14) & 31] = v;
                        off += f >>> 29;
                        break;
                    }
                    case LD: {
                        long va = x[(f >>> 19) & 31] + imm;
                        int i = (int) (va >>> 12) & mask;
                        int po = (int) va & 0xfff;
                        long v;
                        if (rtags[i] == ((va >>> 12) | tagBits) && po <= 4088) {
                            v = (long) Le.U64.get(frames[i], po);
                            hits++;
                        } else {
                            v = loadSlow(va, 8);
                            if (fault != NONE) {
                                cause = fault;
                                break loop;
                            }
                        }
                        x[(f >>> 14) & 31] = v;
                        off += f >>> 29;
                        break;
                    }
                    case LOAD_X0:
                        load(x[(f >>> 19) & 31] + imm, (f >>> 24) & 31);
                        if (fault != NONE) {
                            cause = fault;
                            break loop;
                        }
                        off += f >>> 29;
                        break;
                    case SB: {
                        long va = x[(f >>> 19) & 31] + imm;
                        int i = (int) (va >>> 12) & mask;
                        if (wtags[i] == ((va >>> 12) | tagBits)) {
                            frames[i][(int) va & 0xfff] = (byte) x[(f >>> 24) & 31];
                            hits++;
                        } else if (!storeSlow(va, 1, x[(f >>> 24) & 31])) {
                            cause = fault;
                            break loop;
                        }
                        off += f >>> 29;
                        break;
                    }
                    case SH: {
                        long va = x[(f >>> 19) & 31] + imm;
                        int i = (int) (va >>> 12) & mask;
                        int po = (int) va & 0xfff;
                        if (wtags[i] == ((va >>> 12) | tagBits) && po <= 4094) {
                            Le.U16.set(frames[i], po, (short) x[(f >>> 24) & 31]);
                            hits++;
                        } else if (!storeSlow(va, 2, x[(f >>> 24) & 31])) {
                            cause = fault;
                            break loop;
                        }
                        off += f >>> 29;
                        break;
                    }
                    case SW: {
                        long va = x[(f >>> 19) & 31] + imm;
                        int i = (int) (va >>> 12) & mask;
                        int po = (int) va & 0xfff;
                        if (wtags[i] == ((va >>> 12) | tagBits) && po <= 4092) {
                            Le.U32.set(frames[i], po, (int) x[(f >>> 24) & 31]);
                            hits++;
                        } else if (!storeSlow(va, 4, x[(f >>> 24) & 31])) {
                            cause = fault;
                            break loop;
                        }
                        off += f >>> 29;
                        break;
                    }
                    case SD: {
                        long va = x[(f >>> 19) & 31] + imm;
                        int i = (int) (va >>> 12) & mask;
                        int po = (int) va & 0xfff;
                        if (wtags[i] == ((va >>> 12) | tagBits) && po <= 4088) {
                            Le.U64.set(frames[i], po, x[(f >>> 24) & 31]);
                            hits++;
                        } else if (!storeSlow(va, 8, x[(f >>> 24) & 31])) {
                            cause = fault;
                            break loop;
                        }
                        off += f >>> 29;
                        break;
                    }
                    case BEQ:
                        if (x[(f >>> 19) & 31] == x[(f >>> 24) & 31]) {
                            off += imm;
                            if ((off >>> 12) != 0) {
                                vbase += off & ~0xfff;
                                off &= 0xfff;
                                code = RELOOK;
                            }
                        } else {
                            off += f >>> 29;
                        }
                        break;
                    case BNE:
                        if (x[(f >>> 19) & 31] != x[(f >>> 24) & 31]) {
                            off += imm;
                            if ((off >>> 12) != 0) {
                                vbase += off & ~0xfff;
                                off &= 0xfff;
                                code = RELOOK;
                            }
                        } else {
                            off += f >>> 29;
                        }
                        break;
                    case BLT:
                        if (x[(f >>> 19) & 31] < x[(f >>> 24) & 31]) {
                            off += imm;
                            if ((off >>> 12) != 0) {
                                vbase += off & ~0xfff;
                                off &= 0xfff;
                                code = RELOOK;
                            }
                        } else {
                            off += f >>> 29;
                        }
                        break;
                    case BGE:
                        if (x[(f >>> 19) & 31] >= x[(f >>> 24) & 31]) {
                            off += imm;
                            if ((off >>> 12) != 0) {
                                vbase += off & ~0xfff;
                                off &= 0xfff;
                                code = RELOOK;
                            }
                        } else {
                            off += f >>> 29;
                        }
                        break;
                    case BLTU:
                        if (x[(f >>> 19) & 31] + Long.MIN_VALUE < x[(f >>> 24) & 31] + Long.MIN_VALUE) {
                            off += imm;
                            if ((off >>> 12) != 0) {
                                vbase += off & ~0xfff;
                                off &= 0xfff;
                                code = RELOOK;
                            }
                        } else {
                            off += f >>> 29;
                        }
                        break;
                    case BGEU:
                        if (x[(f >>> 19) & 31] + Long.MIN_VALUE >= x[(f >>> 24) & 31] + Long.MIN_VALUE) {
                            off += imm;
                            if ((off >>> 12) != 0) {
                                vbase += off & ~0xfff;
                                off &= 0xfff;
                                code = RELOOK;
                            }
                        } else {
                            off += f >>> 29;
                        }
                        break;
                    case JAL:
                        x[(f >>> 14) & 31] = vbase + off + (f >>> 29);
                        // fall through
                    case J:
                        off += imm;
                        if ((off >>> 12) != 0) {
                            vbase += off & ~0xfff;
                            off &= 0xfff;
                            code = RELOOK;
                        }
                        break;
                    case JALR: {
                        long target = (x[(f >>> 19) & 31] + imm) & ~1L;
                        x[(f >>> 14) & 31] = vbase + off + (f >>> 29);
                        off = (int) target & 0xfff;
                        if ((target & PAGE_BASE) != vbase) {
                            vbase = target & PAGE_BASE;
                            code = RELOOK;
                        }
                        break;
                    }
                    case JR: {
                        long target = (x[(f >>> 19) & 31] + imm) & ~1L;
                        off = (int) target & 0xfff;
                        if ((target & PAGE_BASE) != vbase) {
                            vbase = target & PAGE_BASE;
                            code = RELOOK;
                        }
                        break;
                    }
                    case LR_W:
                    case LR_D:
                    case SC_W:
                    case SC_D:
                    case AMO_W:
                    case AMO_D:
                        if (!atomic(f & DecodedPage.OP_MASK, f, imm, x)) {
                            cause = fault;
                            break loop;
                        }
                        off += 4;
                        break;
                    case RDCYCLE:
                        x[(f >>> 14) & 31] = cyc;
                        off += 4;
                        break;
                    case RDTIME:
                        x[(f >>> 14) & 31] = cyc / timeDivider;
                        off += 4;
                        break;
                    case RDINSTRET:
                        x[(f >>> 14) & 31] = ret;
                        off += 4;
                        break;
                    case FENCE_I:
                        code = RELOOK; // refetch: the next instruction looks its page up again
                        off += 4;
                        break;
                    case ECALL:
                        trapValue = 0;
                        cause = TrapCause.ECALL_FROM_U;
                        break loop;
                    case EBREAK:
                        trapValue = vbase + off;
                        cause = TrapCause.BREAKPOINT;
                        break loop;
                    case CROSS:
                        if (!fetchCrossing(page, vbase + off)) {
                            cause = fault;
                            break loop;
                        }
                        code = scratch.code;
                        continue;
                    case RELOOKUP: {
                        long pc = vbase + off;
                        vbase = pc & PAGE_BASE;
                        off = (int) pc & 0xfff;
                        page = enterPage(pc);
                        if (page == null) {
                            cause = fault;
                            break loop;
                        }
                        code = page.code;
                        continue;
                    }
                    default: // ILLEGAL
                        trapValue = imm & 0xffffffffL;
                        cause = TrapCause.ILLEGAL_INSTRUCTION;
                        break loop;
                }
                cyc += (f >>> DecodedPage.COST_SHIFT) & DecodedPage.COST_MASK;
                ret++;
            }
        }
        ctx.pc = vbase + off;
        cycle = cyc;
        instret = ret;
        mmu.countAccesses(hits + otherHits);
        otherHits = 0;
        return cause;
    }

    // Looks up the decoded page for the virtual page of pc: exec fast path,
    // else refill; null (fault set) on an instruction page fault.
    private DecodedPage enterPage(long pc) {
        long vpn = pc >>> 12;
        int i = (int) vpn & tlbMask;
        long tag = vpn | asid;
        long ppn;
        if (execTags[i] == tag) {
            ppn = ppns[i];
            otherHits++;
        } else if (!mmu.refill(pc, Access.EXECUTE)) {
            return fail(TrapCause.INSTRUCTION_PAGE_FAULT, pc);
        } else if (execTags[i] == tag) {
            ppn = ppns[i];
        } else {
            long pa = mmu.translate(pc, Access.EXECUTE);
            if (pa < 0) {
                return fail(TrapCause.INSTRUCTION_PAGE_FAULT, pc);
            }
            ppn = pa >>> 12;
        }
        return cache.page(ppn);
    }

    // Fetches the 32-bit instruction at page offset 0xffe of page p (first
    // half from p's frame, second half from the next page) and decodes it
    // into the scratch page's last slot. False (fault set) if the second
    // half's page faults.
    private boolean fetchCrossing(DecodedPage p, long pc) {
        long second = pc + 2;
        long pa = mmu.translate(second, Access.EXECUTE);
        if (pa < 0) {
            fail(TrapCause.INSTRUCTION_PAGE_FAULT, second);
            return false;
        }
        int low = (short) Le.U16.get(p.frame, 0xffe) & 0xffff;
        int high = (int) memory.load(pa, 2);
        cache.decodeInto(scratch, DecodedPage.SLOTS - 1, low | high << 16);
        return true;
    }

    /**
     * Records a fault for the loop to report; returns null for the callers'
     * convenience. A page fault becomes the matching TLB-miss cause when the
     * TLB is software-managed (the translation unit did not walk).
     */
    private DecodedPage fail(int cause, long value) {
        if (tlbMissTraps && (cause == TrapCause.LOAD_PAGE_FAULT || cause == TrapCause.STORE_PAGE_FAULT
                || cause == TrapCause.INSTRUCTION_PAGE_FAULT)) {
            cause = TrapCause.tlbMissFor(cause);
        }
        fault = cause;
        trapValue = value;
        return null;
    }

    /** A load of any size from anywhere (fast path first); the value is zero-extended. */
    private long load(long va, int size) {
        int i = (int) (va >>> 12) & tlbMask;
        int off = (int) va & 0xfff;
        if (readTags[i] == ((va >>> 12) | asid) && off <= 4096 - size) {
            otherHits++;
            return Le.get(pages[i], off, size);
        }
        return loadSlow(va, size);
    }

    // A load that missed the fast path: refill within a page, or assemble an
    // access that crosses a page byte by byte after translating both pages.
    // Returns the zero-extended value, or 0 with fault set (trapValue = the
    // first faulting byte's address).
    private long loadSlow(long va, int size) {
        int off = (int) va & 0xfff;
        if (off <= 4096 - size) {
            if (!mmu.refill(va, Access.READ)) {
                fail(TrapCause.LOAD_PAGE_FAULT, va);
                return 0;
            }
            int i = (int) (va >>> 12) & tlbMask;
            if (readTags[i] == ((va >>> 12) | asid)) {
                return Le.get(pages[i], off, size);
            }
        }
        long second = (va | 0xfff) + 1;
        long pa0 = mmu.translate(va, Access.READ);
        if (pa0 < 0) {
            fail(TrapCause.LOAD_PAGE_FAULT, va);
            return 0;
        }
        if (off <= 4096 - size) {
            return memory.load(pa0, size);
        }
        long pa1 = mmu.translate(second, Access.READ);
        if (pa1 < 0) {
            fail(TrapCause.LOAD_PAGE_FAULT, second);
            return 0;
        }
        long v = 0;
        for (int k = 0; k < size; k++) {
            long a = va + k;
            long pa = a - second < 0 ? pa0 + k : pa1 + (a - second);
            v |= memory.load(pa, 1) << (8 * k);
        }
        return v;
    }

    // A store that missed the fast path; like loadSlow. Both pages of a
    // crossing store are translated before any byte is written, so a fault
    // leaves memory untouched. False with fault set on a page fault.
    private boolean storeSlow(long va, int size, long value) {
        int off = (int) va & 0xfff;
        if (off <= 4096 - size) {
            if (!mmu.refill(va, Access.WRITE)) {
                fail(TrapCause.STORE_PAGE_FAULT, va);
                return false;
            }
            int i = (int) (va >>> 12) & tlbMask;
            if (writeTags[i] == ((va >>> 12) | asid)) {
                Le.set(pages[i], off, size, value);
                return true;
            }
        }
        long second = (va | 0xfff) + 1;
        long pa0 = mmu.translate(va, Access.WRITE);
        if (pa0 < 0) {
            fail(TrapCause.STORE_PAGE_FAULT, va);
            return false;
        }
        if (off <= 4096 - size) {
            memory.store(pa0, size, value);
            return true;
        }
        long pa1 = mmu.translate(second, Access.WRITE);
        if (pa1 < 0) {
            fail(TrapCause.STORE_PAGE_FAULT, second);
            return false;
        }
        for (int k = 0; k < size; k++) {
            long a = va + k;
            long pa = a - second < 0 ? pa0 + k : pa1 + (a - second);
            memory.store(pa, 1, value >>> (8 * k));
        }
        return true;
    }

    // The physical address of a naturally aligned access at va needing
    // {@code access} (READ or WRITE: AMOs and SC need write permission);
    // -1 on a page fault (fault not yet set).
    private long physical(long va, int access) {
        long[] tags = access == Access.WRITE ? writeTags : readTags;
        int i = (int) (va >>> 12) & tlbMask;
        long tag = (va >>> 12) | asid;
        if (tags[i] != tag) {
            if (!mmu.refill(va, access)) {
                return -1;
            }
            if (tags[i] != tag) {
                return mmu.translate(va, access);
            }
        } else {
            otherHits++;
        }
        return ppns[i] << 12 | (va & 0xfff);
    }

    // LR, SC and the AMOs (f = packed fields, imm = AMO funct5). Checks
    // natural alignment, then translation; false with fault set on a trap.
    private boolean atomic(int op, int f, int imm, long[] x) {
        int rd = (f >>> 14) & 31;
        long va = x[(f >>> 19) & 31];
        long src = x[(f >>> 24) & 31];
        boolean word = op == LR_W || op == SC_W || op == AMO_W;
        int size = word ? 4 : 8;
        if ((va & (size - 1)) != 0) {
            fail(op == LR_W || op == LR_D ? TrapCause.LOAD_MISALIGNED : TrapCause.STORE_MISALIGNED, va);
            return false;
        }
        if (op == LR_W || op == LR_D) {
            long pa = physical(va, Access.READ);
            if (pa < 0) {
                fail(TrapCause.LOAD_PAGE_FAULT, va);
                return false;
            }
            long raw = memory.load(pa, size);
            reserved = true;
            reservedAddress = va;
            reservedSize = size;
            reservedValue = raw;
            setRd(x, rd, word ? (int) raw : raw);
            return true;
        }
        if (op == SC_W || op == SC_D) {
            return storeConditional(x, rd, va, size, src);
        }
        long pa = physical(va, Access.WRITE);
        if (pa < 0) {
            fail(TrapCause.STORE_PAGE_FAULT, va);
            return false;
        }
        long raw = memory.load(pa, size);
        long old = word ? (int) raw : raw;
        long operand = word ? (int) src : src;
        memory.store(pa, size, Amo.apply(imm, old, operand));
        setRd(x, rd, old);
        return true;
    }

    // SC: succeeds (stores, rd = 0) only if this hart holds a reservation for
    // the same address and size and memory still holds the value LR loaded.
    // Always clears the reservation, unless it traps (then nothing happened).
    private boolean storeConditional(long[] x, int rd, long va, int size, long src) {
        if (!reserved || reservedAddress != va || reservedSize != size) {
            reserved = false;
            setRd(x, rd, 1);
            return true;
        }
        long pa = physical(va, Access.WRITE);
        if (pa < 0) {
            fail(TrapCause.STORE_PAGE_FAULT, va);
            return false;
        }
        reserved = false;
        if (memory.load(pa, size) != reservedValue) {
            setRd(x, rd, 1);
            return true;
        }
        memory.store(pa, size, src);
        setRd(x, rd, 0);
        return true;
    }

    private static void setRd(long[] x, int rd, long value) {
        if (rd != 0) {
            x[rd] = value;
        }
    }
}
