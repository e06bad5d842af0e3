package osbox.hw.disk;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import osbox.api.hw.BlockDevice;
import osbox.api.hw.DmaEngine;
import osbox.api.hw.EventQueue;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;

/**
 * The register file and command engine every disk shares (osbox.api.hw's
 * {@link BlockDevice} describes the registers): it checks a command at the
 * doorbell, moves the data (through the PIO data port or the DMA engine),
 * asks its {@link MediaModel} how long the media take, schedules the end on
 * the machine's event queue, and completes by status and interrupt. One
 * command at a time; the sector buffer and the event actions are made once,
 * so a command allocates nothing.
 *
 * <p>The data reach the backing store when the media operation ends (a
 * read is read from it then, a write written then), so what a command
 * moved is visible exactly when it completes. Plain Java: the disk
 * components wrap it; tests build it with {@code new}. Every method runs on
 * the simulation thread.
 */
public final class DiskController implements BlockDevice {
    // What the controller is doing.
    private static final int IDLE = 0;
    /** PIO write: waiting for the driver's words. */
    private static final int DATA_OUT = 1;
    /** DMA write: the engine copies memory into the buffer. */
    private static final int DMA_FROM_MEMORY = 2;
    /** The media operation runs. */
    private static final int MEDIA = 3;
    /** DMA read: the engine copies the buffer into memory. */
    private static final int DMA_TO_MEMORY = 4;
    /** PIO read: done, the driver reads the words. */
    private static final int DATA_IN = 5;

    // The controller's own counters, in this order, then the model's.
    private static final String[] COUNTERS = {"reads", "writes", "flushes", "errors", "sectors_read",
        "sectors_written", "pio_bytes", "dma_bytes", "busy_ns", "interrupts"};
    private static final int READS = 0;
    private static final int WRITES = 1;
    private static final int FLUSHES = 2;
    private static final int ERRORS = 3;
    private static final int SECTORS_READ = 4;
    private static final int SECTORS_WRITTEN = 5;
    private static final int PIO_BYTES = 6;
    private static final int DMA_BYTES = 7;
    private static final int BUSY_NS = 8;
    private static final int INTERRUPTS = 9;

    private final String name;
    private final BackingStore store;
    private final MediaModel media;
    private final Machine machine;
    private final EventQueue events;
    private final InterruptController intc;
    private final DmaEngine dma;
    private final int source;
    private final long[] registers = new long[REGISTER_COUNT];
    private final byte[] buffer = new byte[MAX_SECTORS * SECTOR_SIZE];
    private final long[] counters = new long[COUNTERS.length];
    private final long[] modelCounters;
    // The event actions, made once.
    private final Runnable mediaDone = this::mediaDone;
    private final DmaEngine.Completion dmaFromMemoryDone = this::dmaFromMemoryDone;
    private final DmaEngine.Completion dmaToMemoryDone = this::dmaToMemoryDone;

    private int state = IDLE;
    private boolean done;
    private boolean failed;
    // The command in progress (latched at the doorbell).
    private int command;
    private long flags;
    private long lba;
    private int count;
    private boolean dmaMode;
    private long dmaList;
    private int dataPos;
    private int dataLen;

    /**
     * A disk named {@code name} over {@code store}, timed by {@code media},
     * on {@code machine}'s clock and event queue, raising a source it
     * allocates on {@code intc}; {@code dma} moves DMA-mode data (null: the
     * device answers DMA commands with {@link #ERR_DMA}).
     */
    public DiskController(String name, BackingStore store, MediaModel media, Machine machine,
            InterruptController intc, DmaEngine dma) {
        if (name == null || store == null || media == null || machine == null || intc == null) {
            throw new IllegalArgumentException("a disk needs a name, a backing store, a model, a machine and an"
                    + " interrupt controller");
        }
        this.name = name;
        this.store = store;
        this.media = media;
        this.machine = machine;
        this.events = machine.events();
        this.intc = intc;
        this.dma = dma;
        this.source = intc.allocateSource(name);
        this.modelCounters = new long[media.counterNames().length];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String model() {
        return media.model();
    }

    @Override
    public long sectors() {
        return store.sectors();
    }

    @Override
    public boolean readOnly() {
        return store.readOnly();
    }

    @Override
    public String backing() {
        return store.description();
    }

    @Override
    public int interruptSource() {
        return source;
    }

    /** The backing store, for the component to close. */
    public BackingStore store() {
        return store;
    }

    // STATUS is computed from the state; DATA takes the next word of a PIO read.
    @Override
    public long readRegister(int reg) {
        checkRegister(reg);
        switch (reg) {
            case REG_STATUS:
                return status();
            case REG_DATA:
                return readData();
            default:
                return registers[reg];
        }
    }

    // DOORBELL and INTERRUPT_ACK act, DATA gives the next word of a PIO write, STATUS and ERROR are read-only.
    @Override
    public void writeRegister(int reg, long value) {
        checkRegister(reg);
        switch (reg) {
            case REG_DOORBELL:
                if (value == 1) {
                    doorbell();
                }
                break;
            case REG_INTERRUPT_ACK:
                if (value == 1) {
                    done = false;
                    failed = false;
                }
                break;
            case REG_DATA:
                writeData(value);
                break;
            case REG_STATUS:
            case REG_ERROR:
                break;
            default:
                registers[reg] = value;
        }
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> all = new LinkedHashMap<>();
        for (int i = 0; i < COUNTERS.length; i++) {
            all.put(COUNTERS[i], counters[i]);
        }
        media.counters(modelCounters);
        String[] names = media.counterNames();
        for (int i = 0; i < names.length; i++) {
            all.put(names[i], modelCounters[i]);
        }
        return all;
    }

    // READY when idle, BUSY while the DMA or the media work, DRQ while the data port waits; DONE and ERROR latched.
    private long status() {
        long s = state == IDLE ? STATUS_READY
                : state == DATA_OUT || state == DATA_IN ? STATUS_DRQ : STATUS_BUSY;
        return s | (done ? STATUS_DONE : 0) | (failed ? STATUS_ERROR : 0);
    }

    // Latches and checks the command, then starts it by its kind and transfer mode.
    private void doorbell() {
        if (state != IDLE) {
            registers[REG_ERROR] = ERR_BUSY;      // the running command goes on; the driver sees the error code
            counters[ERRORS]++;
            return;
        }
        done = false;
        failed = false;
        registers[REG_ERROR] = ERR_NONE;
        command = (int) registers[REG_COMMAND];
        flags = registers[REG_FLAGS];
        lba = registers[REG_LBA];
        long n = registers[REG_COUNT];
        long transfer = registers[REG_TRANSFER];
        dmaList = registers[REG_DMA_LIST];
        long why = check(n, transfer);
        if (why != ERR_NONE) {
            finish(why);
            return;
        }
        dmaMode = transfer == TRANSFER_DMA;
        count = command == CMD_FLUSH ? 0 : (int) n;
        dataLen = count * SECTOR_SIZE;
        dataPos = 0;
        switch (command) {
            case CMD_READ -> {
                counters[READS]++;
                startMedia();
            }
            case CMD_WRITE -> {
                counters[WRITES]++;
                if (dmaMode) {
                    state = DMA_FROM_MEMORY;
                    dma.transfer(dmaList, buffer, dataLen, false, false, dmaFromMemoryDone);
                } else {
                    state = DATA_OUT;
                }
            }
            default -> {
                counters[FLUSHES]++;
                startMedia();
            }
        }
    }

    // Why the latched command cannot run (an ERR_ code), or ERR_NONE.
    private long check(long n, long transfer) {
        if (command != CMD_READ && command != CMD_WRITE && command != CMD_FLUSH) {
            return ERR_BAD_COMMAND;
        }
        if (command == CMD_FLUSH) {
            return ERR_NONE;
        }
        if (n < 1 || n > MAX_SECTORS || (transfer != TRANSFER_PIO && transfer != TRANSFER_DMA)) {
            return ERR_BAD_COMMAND;
        }
        if (lba < 0 || lba > store.sectors() - n) {
            return ERR_RANGE;
        }
        if (command == CMD_WRITE && store.readOnly()) {
            return ERR_READ_ONLY;
        }
        if (transfer == TRANSFER_DMA && dma == null) {
            return ERR_DMA;
        }
        return ERR_NONE;
    }

    // Asks the model how long the media take from now (a pre-flush first) and schedules the end.
    private void startMedia() {
        state = MEDIA;
        long startNs = SimTime.ns(machine.now(), machine.frequencyHz());
        long ns = 0;
        if ((flags & FLAG_PREFLUSH) != 0 || command == CMD_FLUSH) {
            ns += media.flush(startNs);
        }
        if (command == CMD_READ) {
            ns += media.read(startNs + ns, lba, count);
        } else if (command == CMD_WRITE) {
            ns += media.write(startNs + ns, lba, count, (flags & FLAG_FUA) != 0);
        }
        counters[BUSY_NS] += ns;
        events.schedule(machine.now() + SimTime.cycles(ns, machine.frequencyHz()), mediaDone);
    }

    // The media operation ended: the data meet the backing store; a read then goes out by DMA or waits at the port.
    private void mediaDone() {
        try {
            if (command == CMD_READ) {
                store.read(lba, buffer, count);
                counters[SECTORS_READ] += count;
            } else if (command == CMD_WRITE) {
                store.write(lba, buffer, count);
                counters[SECTORS_WRITTEN] += count;
            } else {
                store.sync();
            }
        } catch (IOException e) {
            finish(ERR_MEDIA);
            return;
        }
        if (command != CMD_READ) {
            finish(ERR_NONE);
        } else if (dmaMode) {
            state = DMA_TO_MEMORY;
            dma.transfer(dmaList, buffer, dataLen, true, false, dmaToMemoryDone);
        } else {
            state = DATA_IN;
            complete(ERR_NONE);                  // DONE with DRQ: the driver reads the port now
        }
    }

    private void dmaFromMemoryDone(int status, long bytes) {
        if (status != DmaEngine.OK) {
            finish(ERR_DMA);
            return;
        }
        counters[DMA_BYTES] += bytes;
        startMedia();
    }

    private void dmaToMemoryDone(int status, long bytes) {
        if (status != DmaEngine.OK) {
            finish(ERR_DMA);
            return;
        }
        counters[DMA_BYTES] += bytes;
        finish(ERR_NONE);
    }

    // The command is over: back to idle, then complete.
    private void finish(long error) {
        state = IDLE;
        complete(error);
    }

    // Latches DONE (and ERROR with its code) and raises the interrupt when enabled.
    private void complete(long error) {
        done = true;
        failed = error != ERR_NONE;
        registers[REG_ERROR] = error;
        if (failed) {
            counters[ERRORS]++;
        }
        if (registers[REG_INTERRUPT_ENABLE] == 1) {
            counters[INTERRUPTS]++;
            intc.raise(source);
        }
    }

    // The next 8 bytes of a PIO read (little-endian); 0 when no data wait. DRQ drops after the last word.
    private long readData() {
        if (state != DATA_IN) {
            return 0;
        }
        long word = 0;
        for (int i = 7; i >= 0; i--) {
            word = (word << 8) | (buffer[dataPos + i] & 0xff);
        }
        dataPos += 8;
        counters[PIO_BYTES] += 8;
        if (dataPos >= dataLen) {
            state = IDLE;
        }
        return word;
    }

    // Takes 8 bytes of a PIO write; the last word starts the media operation. Ignored when no data are wanted.
    private void writeData(long word) {
        if (state != DATA_OUT) {
            return;
        }
        for (int i = 0; i < 8; i++) {
            buffer[dataPos + i] = (byte) (word >>> (8 * i));
        }
        dataPos += 8;
        counters[PIO_BYTES] += 8;
        if (dataPos >= dataLen) {
            startMedia();
        }
    }

    private static void checkRegister(int reg) {
        if (reg < 0 || reg >= REGISTER_COUNT) {
            throw new IllegalArgumentException("no disk register " + reg + " (0.." + (REGISTER_COUNT - 1) + ")");
        }
    }
}
