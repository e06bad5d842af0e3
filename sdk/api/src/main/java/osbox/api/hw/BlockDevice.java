package osbox.api.hw;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A disk (HDD or SSD model) as the kernel's driver sees it: a file of
 * 64-bit registers it programs, one command at a time, like an ATA or
 * virtio-blk controller reduced to its essentials. docs/architecture.md
 * ("Storage devices") follows a request through it.
 *
 * <p>A command: the driver writes {@link #REG_LBA}, {@link #REG_COUNT},
 * {@link #REG_COMMAND}, {@link #REG_FLAGS}, {@link #REG_TRANSFER} (and for
 * DMA {@link #REG_DMA_LIST}, the guest-physical address of a scatter-gather
 * list in the {@link DmaEngine} format), then writes 1 to
 * {@link #REG_DOORBELL}. The device checks the command (a bad one ends at
 * once with {@link #STATUS_ERROR} and a code in {@link #REG_ERROR}), works
 * out from its timing model when the media operation ends on the machine's
 * event queue, and at that cycle sets {@link #STATUS_DONE} and, when
 * {@link #REG_INTERRUPT_ENABLE} is 1, raises {@link #interruptSource()}.
 * A driver that polls reads {@link #REG_STATUS} instead. Writing 1 to
 * {@link #REG_INTERRUPT_ACK} clears DONE and ERROR, making the device
 * {@link #STATUS_READY} for the next command.
 *
 * <p>Programmed I/O ({@link #TRANSFER_PIO}): the data go through
 * {@link #REG_DATA}, 8 bytes (little-endian) per access, copied by the
 * kernel, which charges the CPU for each word. A PIO write rings the
 * doorbell first; the device answers {@link #STATUS_DRQ} until the driver
 * has written {@code count * 512} bytes, then starts the media operation.
 * A PIO read ends with DONE and DRQ: the driver reads the sectors out of
 * the data port, and DRQ clears after the last word.
 *
 * <p>DMA ({@link #TRANSFER_DMA}): the device hands its sector buffer to the
 * DMA engine, which copies between it and physical memory following the
 * list (before the media operation for a write, after it for a read); the
 * CPU is free meanwhile.
 *
 * <p>Flags: {@link #FLAG_FUA} (this write reaches the media before it
 * completes, bypassing a write cache) and {@link #FLAG_PREFLUSH} (the write
 * cache is flushed first: a barrier). {@link #CMD_FLUSH} flushes the write
 * cache alone.
 *
 * <p>Bytes at offset {@code sector * 512} of the backing store are sector
 * {@code sector}, so a raw image made by the host's mke2fs is used as is.
 * Every method runs on the simulation thread, apart from the read-only
 * descriptions ({@link #name()}, {@link #model()}, {@link #sectors()},
 * {@link #readOnly()}, {@link #backing()}). Since 1.5.
 */
@ProviderType
public interface BlockDevice {
    /** Bytes per sector, the unit of LBA and COUNT. */
    int SECTOR_SIZE = 512;

    /** The most sectors one command moves (1 MiB): the device's buffer. */
    int MAX_SECTORS = 2048;

    /** The service property naming the device: vda, vdb, ... */
    String NAME_PROPERTY = "osbox.disk.name";

    /** The service property naming the model: hdd or ssd. */
    String MODEL_PROPERTY = "osbox.disk.model";

    // Registers, as passed to readRegister and writeRegister.
    /** The command: {@link #CMD_READ}, {@link #CMD_WRITE}, {@link #CMD_FLUSH}. */
    int REG_COMMAND = 0;
    /** Command flags: {@link #FLAG_FUA}, {@link #FLAG_PREFLUSH}. */
    int REG_FLAGS = 1;
    /** The first sector. */
    int REG_LBA = 2;
    /** Sectors, 1 to {@link #MAX_SECTORS} (ignored by FLUSH). */
    int REG_COUNT = 3;
    /** How the data move: {@link #TRANSFER_PIO} or {@link #TRANSFER_DMA}. */
    int REG_TRANSFER = 4;
    /** Guest-physical address of the DMA scatter-gather list. */
    int REG_DMA_LIST = 5;
    /** Read only: the {@code STATUS_*} bits. */
    int REG_STATUS = 6;
    /** Read only: why the last command failed, an {@code ERR_*} code (0: it did not). */
    int REG_ERROR = 7;
    /** 1: raise the interrupt source when a command completes; 0: the driver polls. */
    int REG_INTERRUPT_ENABLE = 8;
    /** Write 1: clear DONE and ERROR (acknowledge the completion). */
    int REG_INTERRUPT_ACK = 9;
    /** Write 1: start the command the other registers describe. */
    int REG_DOORBELL = 10;
    /** The PIO data port: 8 bytes per access, little-endian. */
    int REG_DATA = 11;
    /** Number of registers. */
    int REGISTER_COUNT = 12;

    int CMD_READ = 1;
    int CMD_WRITE = 2;
    int CMD_FLUSH = 3;

    /** Force unit access: the write is on the media when it completes. */
    long FLAG_FUA = 1;
    /** Flush the write cache before this command (a barrier). */
    long FLAG_PREFLUSH = 2;

    long TRANSFER_PIO = 0;
    long TRANSFER_DMA = 1;

    /** Idle: a command may be started. */
    long STATUS_READY = 1;
    /** A command is in progress. */
    long STATUS_BUSY = 2;
    /** The last command completed (with ERROR when it failed); cleared by the ack. */
    long STATUS_DONE = 4;
    /** The last command failed; {@link #REG_ERROR} says why. */
    long STATUS_ERROR = 8;
    /** PIO: the data port has data for the driver, or wants data from it. */
    long STATUS_DRQ = 16;

    long ERR_NONE = 0;
    /** An unknown command or transfer mode, or a count of 0 or above {@link #MAX_SECTORS}. */
    long ERR_BAD_COMMAND = 1;
    /** LBA + COUNT runs past the end of the device. */
    long ERR_RANGE = 2;
    /** A write to a read-only device. */
    long ERR_READ_ONLY = 3;
    /** The DMA list was malformed, too short or pointed outside memory. */
    long ERR_DMA = 4;
    /** The backing store failed (a host I/O error). */
    long ERR_MEDIA = 5;
    /** The doorbell rang while a command was in progress. */
    long ERR_BUSY = 6;

    /** The device's name: vda, vdb, ... */
    String name();

    /** The timing model: {@code hdd} or {@code ssd}. */
    String model();

    /** Size in sectors. */
    long sectors();

    /** Whether writes are refused ({@link #ERR_READ_ONLY}). */
    boolean readOnly();

    /** What backs it: the host file's absolute path, or {@code memory}. */
    String backing();

    /** The interrupt source the device raises on completion. */
    int interruptSource();

    /** Reads register {@code reg} (0 .. {@link #REGISTER_COUNT}-1); reading DATA takes the next word. */
    long readRegister(int reg);

    /** Writes register {@code reg}; writing DATA gives the next word, DOORBELL and INTERRUPT_ACK act. */
    void writeRegister(int reg, long value);

    /**
     * The device's counters by name, in a fixed order: commands, sectors
     * and bytes by direction and transfer mode, busy time, and the model's
     * own (seek, rotation and transfer time for a disk; programs, erases
     * and write amplification for flash).
     */
    Map<String, Long> counters();
}
