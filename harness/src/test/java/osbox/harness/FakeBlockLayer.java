package osbox.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import osbox.api.hw.Machine;
import osbox.api.io.BlockIo;
import osbox.api.io.BlockLayer;
import osbox.api.io.IoOperation;

/**
 * A block layer for tests, until the block lane's is merged: disks in
 * host memory (byte arrays), each I/O done {@link #LATENCY} cycles after
 * its submission on the machine's event queue, copying between the disk
 * and the I/O's segments in physical memory, in submission order. A
 * sector range can be made to fail (EIO). It keeps every I/O it was given.
 */
final class FakeBlockLayer implements BlockLayer {
    static final long LATENCY = 20_000;
    private static final int SECTOR = 512;

    /** One disk: its name, bytes and whether it refuses writes. */
    record Disk(String name, byte[] bytes, boolean readOnly) {
    }

    private final Machine machine;
    private final List<Disk> disks;
    private final long latency;
    private final List<BlockIo> submitted = new ArrayList<>();
    private long badSector = -1;

    FakeBlockLayer(Machine machine, List<Disk> disks) {
        this(machine, disks, LATENCY);
    }

    /** Disks whose I/Os complete {@code latency} cycles after their submission. */
    FakeBlockLayer(Machine machine, List<Disk> disks, long latency) {
        this.machine = machine;
        this.disks = disks;
        this.latency = latency;
    }

    /** How many of the I/Os submitted so far were {@code op} (simulation thread, or after the run). */
    long count(IoOperation op) {
        return submitted.stream().filter(io -> io.operation() == op).count();
    }

    /** Reads and writes touching this sector fail with EIO from now on. */
    void failSector(long sector) {
        badSector = sector;
    }

    /** The I/Os submitted so far, in order (call on the simulation thread, or after the run). */
    List<BlockIo> submitted() {
        return submitted;
    }

    @Override
    public List<String> devices() {
        return disks.stream().map(Disk::name).toList();
    }

    @Override
    public int device(String name) {
        return devices().indexOf(name);
    }

    @Override
    public long sectors(int device) {
        return disks.get(device).bytes().length / SECTOR;
    }

    @Override
    public boolean readOnly(int device) {
        return disks.get(device).readOnly();
    }

    @Override
    public int submit(BlockIo io) {
        if (io.device() < 0 || io.device() >= disks.size()) {
            return -6; // ENXIO
        }
        Disk d = disks.get(io.device());
        if (io.operation() == IoOperation.WRITE && d.readOnly()) {
            return -30; // EROFS
        }
        if (io.sector() + io.count() > sectors(io.device())) {
            return -22; // EINVAL
        }
        submitted.add(io);
        machine.events().schedule(machine.now() + latency, () -> io.complete(transfer(d, io)));
        return 0;
    }

    // Moves the I/O's data between the disk and physical memory: 0, or EIO on the bad sector.
    private int transfer(Disk d, BlockIo io) {
        if (io.operation() == IoOperation.FLUSH) {
            return 0;
        }
        if (badSector >= io.sector() && badSector < io.sector() + io.count()) {
            return 5;
        }
        int at = (int) (io.sector() * SECTOR);
        for (int k = 0; k < io.segments(); k++) {
            int len = io.segmentLength(k);
            if (io.operation() == IoOperation.READ) {
                machine.memory().write(io.segmentAddress(k), d.bytes(), at, len);
            } else {
                machine.memory().read(io.segmentAddress(k), d.bytes(), at, len);
            }
            at += len;
        }
        return 0;
    }

    @Override
    public String scheduler(int device) {
        return "fake";
    }

    @Override
    public Map<String, Long> counters(int device) {
        return Map.of();
    }

    @Override
    public Map<String, Long> processCounters(int pid) {
        return Map.of();
    }
}
