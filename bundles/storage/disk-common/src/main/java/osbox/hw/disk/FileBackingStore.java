package osbox.hw.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import osbox.api.hw.BlockDevice;
import osbox.api.hw.DiskSpec;

/**
 * A raw image file on the host: sector N at byte N*512, so an image the
 * host's mke2fs made is used as is. Bytes past the last whole sector are
 * ignored. Reads and writes go straight to the file (positional, on the
 * simulation thread); the device's buffer is wrapped once, so an access
 * allocates nothing.
 */
public final class FileBackingStore implements BackingStore {
    private final Path file;
    private final boolean readOnly;
    private final FileChannel channel;
    private final long sectors;
    private byte[] wrapped;
    private ByteBuffer buffer;

    private FileBackingStore(Path file, boolean readOnly, FileChannel channel, long sectors) {
        this.file = file;
        this.readOnly = readOnly;
        this.channel = channel;
        this.sectors = sectors;
    }

    /**
     * Opens {@code file} for reading, and for writing unless
     * {@code readOnly}. Throws {@link BadImageException} with the reason
     * as people read it (No such file or directory, Permission denied, Is
     * a directory, smaller than one sector).
     */
    public static FileBackingStore open(Path file, boolean readOnly) throws BadImageException {
        String why = DiskSpec.whyNotUsable(file, readOnly);
        if (why != null) {
            throw new BadImageException(why);
        }
        try {
            FileChannel channel = readOnly ? FileChannel.open(file, StandardOpenOption.READ)
                    : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long sectors = channel.size() / BlockDevice.SECTOR_SIZE;
            return new FileBackingStore(file.toAbsolutePath().normalize(), readOnly, channel, sectors);
        } catch (NoSuchFileException e) {
            throw new BadImageException("No such file or directory");
        } catch (AccessDeniedException e) {
            throw new BadImageException("Permission denied");
        } catch (IOException e) {
            throw new BadImageException(e.getMessage() == null ? "cannot be opened" : e.getMessage());
        }
    }

    /** The image cannot be used; the message is the reason alone. */
    public static final class BadImageException extends Exception {
        private static final long serialVersionUID = 1L;

        BadImageException(String why) {
            super(why);
        }
    }

    @Override
    public long sectors() {
        return sectors;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public String description() {
        return file.toString();
    }

    @Override
    public void read(long lba, byte[] dst, int count) throws IOException {
        ByteBuffer b = window(dst, count);
        long pos = lba * BlockDevice.SECTOR_SIZE;
        while (b.hasRemaining()) {
            int n = channel.read(b, pos + b.position());
            if (n < 0) {
                throw new IOException("image shrank under the disk");
            }
        }
    }

    @Override
    public void write(long lba, byte[] src, int count) throws IOException {
        if (readOnly) {
            throw new IOException("read-only image");
        }
        ByteBuffer b = window(src, count);
        long pos = lba * BlockDevice.SECTOR_SIZE;
        while (b.hasRemaining()) {
            channel.write(b, pos + b.position());
        }
    }

    @Override
    public void sync() throws IOException {
        if (!readOnly) {
            channel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // The first count sectors of array, as a buffer wrapping it (wrapped once per array).
    private ByteBuffer window(byte[] array, int count) {
        if (array != wrapped) {
            wrapped = array;
            buffer = ByteBuffer.wrap(array);
        }
        buffer.clear();
        buffer.limit(count * BlockDevice.SECTOR_SIZE);
        return buffer;
    }
}
