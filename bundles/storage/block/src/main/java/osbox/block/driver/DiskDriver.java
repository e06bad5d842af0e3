package osbox.block.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import osbox.api.hw.BlockDevice;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;
import osbox.block.DeviceDriver;
import osbox.block.DriverContext;
import osbox.block.Request;

/**
 * PLACEHOLDER until the driver lane's DiskDriver is merged (that file
 * replaces this one, with the same constructor): programs one disk's
 * registers for a request, moves the data by programmed I/O through the
 * data port (no CPU cycles charged), and completes on the device's
 * interrupt. Simulation thread only.
 */
public final class DiskDriver implements DeviceDriver {
    private final BlockDevice device;
    private final DriverContext context;
    private Request current;
    private Done done;
    private long interrupts;

    /** The driver of device number {@code device} ({@code disk}), using what {@code context} gives. */
    public DiskDriver(int deviceNumber, BlockDevice disk, DriverContext context) {
        this.device = disk;
        this.context = context;
        disk.writeRegister(BlockDevice.REG_INTERRUPT_ENABLE, 1);
        context.onInterrupt(disk.interruptSource(), this::interrupt);
    }

    @Override
    public void start(Request request, Done whenDone) {
        if (current != null) {
            throw new IllegalStateException(device.name() + ": " + request + " started while " + current
                    + " is in progress");
        }
        current = request;
        done = whenDone;
        IoOperation op = request.operation();
        long flags = ((request.flags() & BlockIo.FUA) != 0 ? BlockDevice.FLAG_FUA : 0)
                | ((request.flags() & BlockIo.PREFLUSH) != 0 ? BlockDevice.FLAG_PREFLUSH : 0);
        device.writeRegister(BlockDevice.REG_LBA, request.sector());
        device.writeRegister(BlockDevice.REG_COUNT, request.count());
        device.writeRegister(BlockDevice.REG_FLAGS, flags);
        device.writeRegister(BlockDevice.REG_TRANSFER, BlockDevice.TRANSFER_PIO);
        device.writeRegister(BlockDevice.REG_COMMAND, op == IoOperation.READ ? BlockDevice.CMD_READ
                : op == IoOperation.WRITE ? BlockDevice.CMD_WRITE : BlockDevice.CMD_FLUSH);
        device.writeRegister(BlockDevice.REG_DOORBELL, 1);
        if (op == IoOperation.WRITE) {
            copy(request.ios(), false);
        }
    }

    // The device raised its interrupt: a read's data come out of the port; the request is done.
    private void interrupt() {
        long status = device.readRegister(BlockDevice.REG_STATUS);
        if (current == null || (status & BlockDevice.STATUS_DONE) == 0) {
            return;
        }
        interrupts++;
        int errno = (status & BlockDevice.STATUS_ERROR) != 0 ? 5 : 0;
        if (errno == 0 && current.operation() == IoOperation.READ) {
            copy(current.ios(), true);
        }
        device.writeRegister(BlockDevice.REG_INTERRUPT_ACK, 1);
        Request r = current;
        Done d = done;
        current = null;
        done = null;
        d.completed(r, errno, context.now());
    }

    // Copies every segment of the I/Os through the data port, 8 bytes at a time.
    private void copy(List<BlockIo> ios, boolean toMemory) {
        for (BlockIo io : ios) {
            for (int s = 0; s < io.segments(); s++) {
                long addr = io.segmentAddress(s);
                for (int off = 0; off < io.segmentLength(s); off += 8) {
                    if (toMemory) {
                        context.memory().store(addr + off, 8, device.readRegister(BlockDevice.REG_DATA));
                    } else {
                        device.writeRegister(BlockDevice.REG_DATA, context.memory().load(addr + off, 8));
                    }
                }
            }
        }
    }

    @Override
    public boolean idle() {
        return current == null;
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("interrupts", interrupts);
        return c;
    }
}
