package osbox.hw.cpu;

import static osbox.hw.cpu.Ops.*;
import static osbox.hw.cpu.Slot.cost;
import static osbox.hw.cpu.Slot.imm;
import static osbox.hw.cpu.Slot.len;
import static osbox.hw.cpu.Slot.op;
import static osbox.hw.cpu.Slot.rd;
import static osbox.hw.cpu.Slot.rs1;
import static osbox.hw.cpu.Slot.rs2;

import osbox.api.hw.Access;
import osbox.api.hw.Hart;
import osbox.api.hw.HartContext;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;
import osbox.api.hw.TrapCause;

/**
 * One RV64IMAFDC user-mode hart (the F/D state lives in the
 * {@link HartContext}; {@link FpUnit} executes the FP instructions). {@link #run} is the interpreter: it executes
 * decoded slots of the current {@link DecodedPage} (fields read through
 * {@link Slot}) through one switch, with the common instructions inline
 * (integer ALU, mul, loads, stores, branches, jumps) and the rest in small
 * methods: {@code rare} (division, atomics, counters, fences, ecall, ebreak,
 * illegal), the slow memory paths and page changes. Loads and stores use the
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
    /** What {@link #rare} returns for fence.i: done, and the next instruction's page must be looked up again. */
    private static final int REFETCH = -2;

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
    /** Executes the F and D instructions other than loads and stores. */
    private final FpUnit fpu = new FpUnit();

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
        java.util.Arrays.fill(scratch.code, Slot.pack(RELOOKUP, 0, 0, 0, 0, 0, 0));
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
    //
    // One switch runs the hot instructions inline: integer ALU, mul, loads,
    // stores, branches, jumps. Every other op goes to rare(), so this method
    // stays well under HotSpot's 8,000-byte compile limit as extensions are
    // added (MethodSizeTest checks it). A case ends in one of: `break`
    // (sequential: pc += length), `break relative` (taken branch, jal:
    // pc += imm), `break charged` (the case set the pc itself), `continue`
    // (nothing executed yet: decode, page change) or `break loop` (trap).
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
            for (int k = 0; k < CHUNK; k++) {
                if (cyc >= until) {
                    break loop;
                }
                final int s = off >>> 1;
                final long w = code[s];
                charged:
                {
                    relative:
                    {
                        switch (op(w)) {
                            case UNDECODED:
                                cache.decodeSlot(page, s);
                                continue;
                            case NOP:
                                break;
                            case ADDI:
                                x[rd(w)] = x[rs1(w)] + imm(w);
                                break;
                            case SLTI:
                                x[rd(w)] = x[rs1(w)] < imm(w) ? 1 : 0;
                                break;
                            case SLTIU:
                                x[rd(w)] = x[rs1(w)] + Long.MIN_VALUE < imm(w) + Long.MIN_VALUE ? 1 : 0;
                                break;
                            case XORI:
                                x[rd(w)] = x[rs1(w)] ^ imm(w);
                                break;
                            case ORI:
                                x[rd(w)] = x[rs1(w)] | imm(w);
                                break;
                            case ANDI:
                                x[rd(w)] = x[rs1(w)] & imm(w);
                                break;
                            case SLLI:
                                x[rd(w)] = x[rs1(w)] << imm(w);
                                break;
                            case SRLI:
                                x[rd(w)] = x[rs1(w)] >>> imm(w);
                                break;
                            case SRAI:
                                x[rd(w)] = x[rs1(w)] >> imm(w);
                                break;
                            case LUI:
                                x[rd(w)] = imm(w);
                                break;
                            case AUIPC:
                                x[rd(w)] = vbase + off + imm(w);
                                break;
                            case ADD:
                                x[rd(w)] = x[rs1(w)] + x[rs2(w)];
                                break;
                            case SUB:
                                x[rd(w)] = x[rs1(w)] - x[rs2(w)];
                                break;
                            case SLL:
                                x[rd(w)] = x[rs1(w)] << x[rs2(w)];
                                break;
                            case SLT:
                                x[rd(w)] = x[rs1(w)] < x[rs2(w)] ? 1 : 0;
                                break;
                            case SLTU:
                                x[rd(w)] = x[rs1(w)] + Long.MIN_VALUE < x[rs2(w)] + Long.MIN_VALUE ? 1 : 0;
                                break;
                            case XOR:
                                x[rd(w)] = x[rs1(w)] ^ x[rs2(w)];
                                break;
                            case SRL:
                                x[rd(w)] = x[rs1(w)] >>> x[rs2(w)];
                                break;
                            case SRA:
                                x[rd(w)] = x[rs1(w)] >> x[rs2(w)];
                                break;
                            case OR:
                                x[rd(w)] = x[rs1(w)] | x[rs2(w)];
                                break;
                            case AND:
                                x[rd(w)] = x[rs1(w)] & x[rs2(w)];
                                break;
                            case ADDIW:
                                x[rd(w)] = (int) x[rs1(w)] + imm(w);
                                break;
                            case SLLIW:
                                x[rd(w)] = (int) x[rs1(w)] << imm(w);
                                break;
                            case SRLIW:
                                x[rd(w)] = (int) x[rs1(w)] >>> imm(w);
                                break;
                            case SRAIW:
                                x[rd(w)] = (int) x[rs1(w)] >> imm(w);
                                break;
                            case ADDW:
                                x[rd(w)] = (int) x[rs1(w)] + (int) x[rs2(w)];
                                break;
                            case SUBW:
                                x[rd(w)] = (int) x[rs1(w)] - (int) x[rs2(w)];
                                break;
                            case SLLW:
                                x[rd(w)] = (int) x[rs1(w)] << (int) x[rs2(w)];
                                break;
                            case SRLW:
                                x[rd(w)] = (int) x[rs1(w)] >>> (int) x[rs2(w)];
                                break;
                            case SRAW:
                                x[rd(w)] = (int) x[rs1(w)] >> (int) x[rs2(w)];
                                break;
                            case MUL:
                                x[rd(w)] = x[rs1(w)] * x[rs2(w)];
                                break;
                            case MULW:
                                x[rd(w)] = (int) x[rs1(w)] * (int) x[rs2(w)];
                                break;
                            case LB: {
                                long va = x[rs1(w)] + imm(w);
                                int i = (int) (va >>> 12) & mask;
                                if (rtags[i] == ((va >>> 12) | tagBits)) {
                                    x[rd(w)] = frames[i][(int) va & 0xfff];
                                    hits++;
                                } else if (!loadMissed(w, x)) {
                                    cause = fault;
                                    break loop;
                                }
                                break;
                            }
                            case LBU: {
                                long va = x[rs1(w)] + imm(w);
                                int i = (int) (va >>> 12) & mask;
                                if (rtags[i] == ((va >>> 12) | tagBits)) {
                                    x[rd(w)] = frames[i][(int) va & 0xfff] & 0xffL;
                                    hits++;
                                } else if (!loadMissed(w, x)) {
                                    cause = fault;
                                    break loop;
                                }
                                break;
                            }
                            case LH: {
                                long va = x[rs1(w)] + imm(w);
                                int i = (int) (va >>> 12) & mask;
                                int po = (int) va & 0xfff;
                                if (rtags[i] == ((va >>> 12) | tagBits) && po <= 4094) {
                                    x[rd(w)] = (short) Le.U16.get(frames[i], po);
                                    hits++;
                                } else if (!loadMissed(w, x)) {
                                    cause = fault;
                                    break loop;
                                }
                                break;
                            }
                            case LHU: {
                                long va = x[rs1(w)] + imm(w);
                                int i = (int) (va >>> 12) & mask;
                                int po = (int) va & 0xfff;
                                if (rtags[i] == ((va >>> 12) | tagBits) && po <= 4094) {
                                    x[rd(w)] = (short) Le.U16.get(frames[i], po) & 0xffffL;
                                    hits++;
                                } else if (!loadMissed(w, x)) {
                                    cause = fault;
                                    break loop;
                                }
                                break;
                            }
                            case LW: {
                                long va = x[rs1(w)] + imm(w);
                                int i = (int) (va >>> 12) & mask;
                                int po = (int) va & 0xfff;
                                if (rtags[i] == ((va >>> 12) | tagBits) && po <= 4092) {
                                    x[rd(w)] = (int) Le.U32.get(frames[i], po);
                                    hits++;
                                } else if (!loadMissed(w, x)) {
                                    cause = fault;
                                    break loop;
                                }
                                break;
                            }
                            case LWU: {
                                long va = x[rs1(w)] + imm(w);
                                int i = (int) (va >>> 12) & mask;
                                int po = (int) va & 0xfff;
                                if (rtags[i] == ((va >>> 12) | tagBits) && po <= 4092) {
                                    x[rd(w)] = (int) Le.U32.get(frames[i], po) & 0xffffffffL;
                                    hits++;
                                } else if (!loadMissed(w, x)) {
                                    cause = fault;
                                    break loop;
                                }
                                break;
                            }
                            case LD: {
                                long va = x[rs1(w)] + imm(w);
                                int i = (int) (va >>> 12) & mask;
                                int po = (int) va & 0xfff;
                                if (rtags[i] == ((va >>> 12) | tagBits) && po <= 4088) {
                                    x[rd(w)] = (long) Le.U64.get(frames[i], po);
                                    hits++;
                                } else if (!loadMissed(w, x)) {
                                    cause = fault;
                                    break loop;
                                }
                                break;
                            }
                            case SB: {
                                long va = x[rs1(w)] + imm(w);
                                int i = (int) (va >>> 12) & mask;
                                if (wtags[i] == ((va >>> 12) | tagBits)) {
                                    frames[i][(int) va & 0xfff] = (byte) x[rs2(w)];
                                    hits++;
                                } else if (!storeSlow(va, 1, x[rs2(w)])) {
                                    cause = fault;
                                    break loop;
                                }
                                break;
                            }
                            case SH: {
                                long va = x[rs1(w)] + imm(w);
                                int i = (int) (va >>> 12) & mask;
                                int po = (int) va & 0xfff;
                                if (wtags[i] == ((va >>> 12) | tagBits) && po <= 4094) {
                                    Le.U16.set(frames[i], po, (short) x[rs2(w)]);
                                    hits++;
                                } else if (!storeSlow(va, 2, x[rs2(w)])) {
                                    cause = fault;
                                    break loop;
                                }
                                break;
                            }
                            case SW: {
                                long va = x[rs1(w)] + imm(w);
                                int i = (int) (va >>> 12) & mask;
                                int po = (int) va & 0xfff;
                                if (wtags[i] == ((va >>> 12) | tagBits) && po <= 4092) {
                                    Le.U32.set(frames[i], po, (int) x[rs2(w)]);
                                    hits++;
                                } else if (!storeSlow(va, 4, x[rs2(w)])) {
                                    cause = fault;
                                    break loop;
                                }
                                break;
                            }
                            case SD: {
                                long va = x[rs1(w)] + imm(w);
                                int i = (int) (va >>> 12) & mask;
                                int po = (int) va & 0xfff;
                                if (wtags[i] == ((va >>> 12) | tagBits) && po <= 4088) {
                                    Le.U64.set(frames[i], po, x[rs2(w)]);
                                    hits++;
                                } else if (!storeSlow(va, 8, x[rs2(w)])) {
                                    cause = fault;
                                    break loop;
                                }
                                break;
                            }
                            case BEQ:
                                if (x[rs1(w)] == x[rs2(w)]) {
                                    break relative;
                                }
                                break;
                            case BNE:
                                if (x[rs1(w)] != x[rs2(w)]) {
                                    break relative;
                                }
                                break;
                            case BLT:
                                if (x[rs1(w)] < x[rs2(w)]) {
                                    break relative;
                                }
                                break;
                            case BGE:
                                if (x[rs1(w)] >= x[rs2(w)]) {
                                    break relative;
                                }
                                break;
                            case BLTU:
                                if (x[rs1(w)] + Long.MIN_VALUE < x[rs2(w)] + Long.MIN_VALUE) {
                                    break relative;
                                }
                                break;
                            case BGEU:
                                if (x[rs1(w)] + Long.MIN_VALUE >= x[rs2(w)] + Long.MIN_VALUE) {
                                    break relative;
                                }
                                break;
                            case JAL:
                                x[rd(w)] = vbase + off + len(w);
                                break relative;
                            case J:
                                break relative;
                            case JALR: {
                                long target = (x[rs1(w)] + imm(w)) & ~1L;
                                x[rd(w)] = vbase + off + len(w);
                                off = (int) target & 0xfff;
                                if ((target & PAGE_BASE) != vbase) {
                                    vbase = target & PAGE_BASE;
                                    code = RELOOK;
                                }
                                break charged;
                            }
                            case JR: {
                                long target = (x[rs1(w)] + imm(w)) & ~1L;
                                off = (int) target & 0xfff;
                                if ((target & PAGE_BASE) != vbase) {
                                    vbase = target & PAGE_BASE;
                                    code = RELOOK;
                                }
                                break charged;
                            }
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
                            default: {
                                int done = rare(w, x, vbase + off, cyc, ret);
                                if (done != NONE) {
                                    if (done != REFETCH) {
                                        cause = done;
                                        break loop;
                                    }
                                    code = RELOOK; // fence.i: the next instruction looks its page up again
                                }
                                break;
                            }
                        }
                        off += len(w);
                        break charged;
                    }
                    off += imm(w);
                    if ((off >>> 12) != 0) {
                        vbase += off & ~0xfff;
                        off &= 0xfff;
                        code = RELOOK;
                    }
                }
                cyc += cost(w);
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

    // Executes one instruction that execute() leaves out of its switch:
    // M-extension high products and division, a load into x0, the A
    // extension, the counter CSRs, fences, ecall, ebreak, illegal ones, and
    // the F and D extensions (last, so the integer cases keep their places).
    // pc is its address; cyc and ret are the counters before it. Returns
    // NONE when it is done (the loop charges it and moves on), REFETCH for
    // fence.i, or the cause of a trap (trapValue set; nothing of it happened).
    private int rare(long w, long[] x, long pc, long cyc, long ret) {
        switch (op(w)) {
            case FENCE:
                return NONE; // one in-order hart: memory is always ordered
            case FENCE_I:
                return REFETCH;
            case MULH:
                x[rd(w)] = MulDiv.mulh(x[rs1(w)], x[rs2(w)]);
                return NONE;
            case MULHSU:
                x[rd(w)] = MulDiv.mulhsu(x[rs1(w)], x[rs2(w)]);
                return NONE;
            case MULHU:
                x[rd(w)] = MulDiv.mulhu(x[rs1(w)], x[rs2(w)]);
                return NONE;
            case DIV:
                x[rd(w)] = MulDiv.div(x[rs1(w)], x[rs2(w)]);
                return NONE;
            case DIVU:
                x[rd(w)] = MulDiv.divu(x[rs1(w)], x[rs2(w)]);
                return NONE;
            case REM:
                x[rd(w)] = MulDiv.rem(x[rs1(w)], x[rs2(w)]);
                return NONE;
            case REMU:
                x[rd(w)] = MulDiv.remu(x[rs1(w)], x[rs2(w)]);
                return NONE;
            case DIVW:
                x[rd(w)] = MulDiv.divw(x[rs1(w)], x[rs2(w)]);
                return NONE;
            case DIVUW:
                x[rd(w)] = MulDiv.divuw(x[rs1(w)], x[rs2(w)]);
                return NONE;
            case REMW:
                x[rd(w)] = MulDiv.remw(x[rs1(w)], x[rs2(w)]);
                return NONE;
            case REMUW:
                x[rd(w)] = MulDiv.remuw(x[rs1(w)], x[rs2(w)]);
                return NONE;
            case LOAD_X0:
                load(x[rs1(w)] + imm(w), rs2(w)); // the access happens (and may fault); the value goes nowhere
                return fault;
            case LR_W:
                return loadReserved(w, x, 4);
            case LR_D:
                return loadReserved(w, x, 8);
            case SC_W:
                return storeConditional(w, x, 4);
            case SC_D:
                return storeConditional(w, x, 8);
            case AMO_W:
                return amo(w, x, 4);
            case AMO_D:
                return amo(w, x, 8);
            case RDCYCLE:
                x[rd(w)] = cyc;
                return NONE;
            case RDTIME:
                x[rd(w)] = cyc / timeDivider;
                return NONE;
            case RDINSTRET:
                x[rd(w)] = ret;
                return NONE;
            case ECALL:
                trapValue = 0;
                return TrapCause.ECALL_FROM_U;
            case EBREAK:
                trapValue = pc;
                return TrapCause.BREAKPOINT;
            case FLW:
                return fpLoad(w, x, 4);
            case FLD:
                return fpLoad(w, x, 8);
            case FSW:
                return fpStore(w, x, 4);
            case FSD:
                return fpStore(w, x, 8);
            case FP_ALU:
            case FP_MUL:
            case FP_DIV:
                return fpu.execute(w, x, context) ? NONE : illegalAt(pc);
            case FCSR:
                fpu.csr(w, x, context);
                return NONE;
            default: // ILLEGAL
                trapValue = imm(w) & 0xffffffffL;
                return TrapCause.ILLEGAL_INSTRUCTION;
        }
    }

    // flw / fld: f[rd] = the 4- or 8-byte value at rs1 + imm (a single
    // NaN-boxed). Returns NONE, or the fault's cause (f[rd] untouched).
    private int fpLoad(long w, long[] x, int size) {
        long v = load(x[rs1(w)] + imm(w), size);
        if (fault != NONE) {
            return fault;
        }
        context.f[rd(w)] = size == 4 ? FpBits.box((int) v) : v;
        return NONE;
    }

    // fsw / fsd: stores the low 4 bytes (boxed or not) or all 8 of f[rs2]
    // at rs1 + imm. Returns NONE, or the fault's cause (memory untouched).
    private int fpStore(long w, long[] x, int size) {
        long va = x[rs1(w)] + imm(w);
        long value = context.f[rs2(w)];
        int i = (int) (va >>> 12) & tlbMask;
        int off = (int) va & 0xfff;
        if (writeTags[i] == ((va >>> 12) | asid) && off <= 4096 - size) {
            Le.set(pages[i], off, size, value);
            otherHits++;
            return NONE;
        }
        return storeSlow(va, size, value) ? NONE : fault;
    }

    // An illegal-instruction trap for the 32-bit instruction at pc, found
    // illegal only when it ran (an FP instruction whose dynamic rounding
    // mode is invalid): trapValue = its bits, read again through the MMU,
    // or 0 if that read fails (the spec allows 0).
    private int illegalAt(long pc) {
        long low = mmu.translate(pc, Access.EXECUTE);
        long high = mmu.translate(pc + 2, Access.EXECUTE);
        trapValue = low < 0 || high < 0 ? 0 : memory.load(low, 2) | memory.load(high, 2) << 16;
        return TrapCause.ILLEGAL_INSTRUCTION;
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
            fail(TrapCause.INSTRUCTION_PAGE_FAULT, pc);
            return null;
        } else if (execTags[i] == tag) {
            ppn = ppns[i];
        } else {
            long pa = mmu.translate(pc, Access.EXECUTE);
            if (pa < 0) {
                fail(TrapCause.INSTRUCTION_PAGE_FAULT, pc);
            return null;
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
     * Records a fault for the loop to report and returns its cause. A page fault becomes the matching TLB-miss cause when the
     * TLB is software-managed (the translation unit did not walk).
     */
    private int fail(int cause, long value) {
        if (tlbMissTraps && (cause == TrapCause.LOAD_PAGE_FAULT || cause == TrapCause.STORE_PAGE_FAULT
                || cause == TrapCause.INSTRUCTION_PAGE_FAULT)) {
            cause = TrapCause.tlbMissFor(cause);
        }
        fault = cause;
        trapValue = value;
        return cause;
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

    // A load (op LB..LWU) that missed the fast path: the access through
    // loadSlow, then rd = its value, extended as the op says. False with
    // fault set (rd untouched) on a fault.
    private boolean loadMissed(long w, long[] x) {
        int size = Ops.loadSize(op(w));
        long v = loadSlow(x[rs1(w)] + imm(w), size);
        if (fault != NONE) {
            return false;
        }
        int above = Long.SIZE - 8 * size;
        x[rd(w)] = Ops.loadSignExtends(op(w)) ? v << above >> above : v;
        return true;
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

    // LR.W / LR.D (size 4 or 8): loads rs1's naturally aligned word and
    // holds a reservation on it. Returns NONE, or the trap's cause.
    private int loadReserved(long w, long[] x, int size) {
        long va = x[rs1(w)];
        if ((va & (size - 1)) != 0) {
            return fail(TrapCause.LOAD_MISALIGNED, va);
        }
        long pa = physical(va, Access.READ);
        if (pa < 0) {
            return fail(TrapCause.LOAD_PAGE_FAULT, va);
        }
        long raw = memory.load(pa, size);
        reserved = true;
        reservedAddress = va;
        reservedSize = size;
        reservedValue = raw;
        setRd(x, rd(w), signExtend(raw, size));
        return NONE;
    }

    // SC.W / SC.D: succeeds (stores rs2, rd = 0) only if this hart holds a
    // reservation for the same address and size and memory still holds the
    // value LR loaded; else rd = 1. Always clears the reservation, unless it
    // traps (then nothing happened). Returns NONE, or the trap's cause.
    private int storeConditional(long w, long[] x, int size) {
        long va = x[rs1(w)];
        if ((va & (size - 1)) != 0) {
            return fail(TrapCause.STORE_MISALIGNED, va);
        }
        if (!reserved || reservedAddress != va || reservedSize != size) {
            reserved = false;
            setRd(x, rd(w), 1);
            return NONE;
        }
        long pa = physical(va, Access.WRITE);
        if (pa < 0) {
            return fail(TrapCause.STORE_PAGE_FAULT, va);
        }
        reserved = false;
        if (memory.load(pa, size) != reservedValue) {
            setRd(x, rd(w), 1);
            return NONE;
        }
        memory.store(pa, size, x[rs2(w)]);
        setRd(x, rd(w), 0);
        return NONE;
    }

    // AMO*.W / AMO*.D (the function is imm's funct5): rd = the old value,
    // memory = function(old, rs2). Needs write permission even to read.
    // Returns NONE, or the trap's cause.
    private int amo(long w, long[] x, int size) {
        long va = x[rs1(w)];
        if ((va & (size - 1)) != 0) {
            return fail(TrapCause.STORE_MISALIGNED, va);
        }
        long pa = physical(va, Access.WRITE);
        if (pa < 0) {
            return fail(TrapCause.STORE_PAGE_FAULT, va);
        }
        long old = signExtend(memory.load(pa, size), size);
        memory.store(pa, size, Amo.apply(imm(w), old, signExtend(x[rs2(w)], size)));
        setRd(x, rd(w), old);
        return NONE;
    }

    // A 4- or 8-byte value as a register holds it: the .w forms sign-extend.
    private static long signExtend(long raw, int size) {
        return size == 4 ? (int) raw : raw;
    }

    private static void setRd(long[] x, int rd, long value) {
        if (rd != 0) {
            x[rd] = value;
        }
    }
}
