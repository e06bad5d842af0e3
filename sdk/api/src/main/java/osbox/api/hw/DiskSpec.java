package osbox.api.hw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One disk attached at launch, and the one parser of {@code --disk} and the
 * framework property {@value #PROPERTY}: the osbox script's preflight, the
 * launcher and the disk components all call {@link #parse}, so they cannot
 * disagree. Since 1.5.
 *
 * <p>A spec is {@code FILE[,model=hdd|ssd][,ro]}: the host file holding the
 * raw image (sector N at byte N*512), the timing model (hdd when not
 * named), and {@code ro} to attach it read-only ({@code rw}, the default,
 * may be written too). FILE {@code memory:SIZE} ({@code memory:16M}) is a
 * disk of SIZE bytes in host memory, zeroed, gone when the machine stops
 * (workloads and tests; since 1.6). Errors are IllegalArgumentException with a
 * one-line message saying why, without the spec (the caller names it).
 *
 * @param file     the image file as given (the preflight makes it absolute)
 * @param model    {@link #HDD} or {@link #SSD}
 * @param readOnly whether the device refuses writes
 */
public record DiskSpec(String file, String model, boolean readOnly) {

    /** The framework property: the specs, one per line, in --disk order (vda first). */
    public static final String PROPERTY = "osbox.disks";

    public static final String HDD = "hdd";
    public static final String SSD = "ssd";

    /** The models, for messages. */
    public static final List<String> MODELS = List.of(HDD, SSD);

    /** The syntax, for error and help texts. */
    public static final String SYNTAX = "FILE[,model=hdd|ssd][,ro]";

    private static final int SECTOR_SIZE = BlockDevice.SECTOR_SIZE;

    /** The most disks a machine takes: vda .. vdz. */
    public static final int MAX_DISKS = 26;

    /** Checks the invariants; IllegalArgumentException with a one-line reason when one fails. */
    public DiskSpec {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("needs an image file; syntax " + SYNTAX);
        }
        if (!MODELS.contains(model)) {
            throw new IllegalArgumentException("no such model '" + model + "' (known: hdd, ssd)");
        }
        if (file.startsWith(MEMORY)) {
            memoryBytes(file);
        }
    }

    /** The FILE of a disk in host memory: {@code memory:SIZE}. Since 1.6. */
    public static final String MEMORY = "memory:";

    /** The largest disk in host memory: a Java array's worth. */
    public static final long MAX_MEMORY_DISK = 1L << 30;

    /**
     * The size in bytes of a disk in host memory ({@code memory:SIZE}), or
     * -1 for an image file. Since 1.6.
     */
    public long memoryBytes() {
        return file.startsWith(MEMORY) ? memoryBytes(file) : -1;
    }

    // memory:SIZE's bytes: a whole number of sectors, 1 sector to 1G; IllegalArgumentException otherwise.
    private static long memoryBytes(String file) {
        long bytes;
        try {
            bytes = MemorySize.parse(file.substring(MEMORY.length()), MAX_MEMORY_DISK);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("memory disk size: " + e.getMessage());
        }
        if (bytes < SECTOR_SIZE || bytes % SECTOR_SIZE != 0) {
            throw new IllegalArgumentException("memory disk size: must be a whole number of " + SECTOR_SIZE
                    + "-byte sectors, at least one");
        }
        return bytes;
    }

    /** The disk {@code spec} describes; throws on an empty file, an unknown item or model. */
    public static DiskSpec parse(String spec) {
        String[] items = (spec == null ? "" : spec).split(",", -1);
        String model = HDD;
        boolean readOnly = false;
        for (int k = 1; k < items.length; k++) {
            String item = items[k].trim().toLowerCase(Locale.ROOT);
            if (item.equals("ro") || item.equals("rw")) {
                readOnly = item.equals("ro");
            } else if (item.startsWith("model=")) {
                model = item.substring("model=".length());
            } else {
                throw new IllegalArgumentException((item.isEmpty() ? "empty item (a stray comma?)"
                        : "unknown item '" + item + "' (known: model=hdd|ssd, ro, rw)") + "; syntax " + SYNTAX);
            }
        }
        return new DiskSpec(items[0], model, readOnly);
    }

    /** The spec that parses back to this disk: {@code /img/a.img,model=ssd,ro}. */
    public String spec() {
        return file + ",model=" + model + (readOnly ? ",ro" : "");
    }

    /** The disks a {@value #PROPERTY} value names, in order; null or blank: none. Throws as {@link #parse}. */
    public static List<DiskSpec> parseList(String property) {
        List<DiskSpec> disks = new ArrayList<>();
        if (property == null || property.isBlank()) {
            return disks;
        }
        for (String line : property.split("\n")) {
            if (!line.isBlank()) {
                disks.add(parse(line.trim()));
            }
        }
        if (disks.size() > MAX_DISKS) {
            throw new IllegalArgumentException("too many disks (at most " + MAX_DISKS + ", vda to vdz)");
        }
        return disks;
    }

    /** The {@value #PROPERTY} value for {@code disks}. */
    public static String toProperty(List<DiskSpec> disks) {
        List<String> specs = new ArrayList<>();
        for (DiskSpec d : disks) {
            specs.add(d.spec());
        }
        return String.join("\n", specs);
    }

    /**
     * Why {@code file} cannot back a disk (read-only unless
     * {@code readOnly}), in one short phrase as people read it (No such
     * file or directory, Is a directory, Permission denied, ...), or null
     * when it can: the check the launcher's preflight makes before the
     * machine boots and the disk components make when they open it.
     */
    public static String whyNotUsable(Path file, boolean readOnly) {
        if (!Files.exists(file)) {
            return "No such file or directory";
        }
        if (Files.isDirectory(file)) {
            return "Is a directory";
        }
        if (!Files.isRegularFile(file)) {
            return "not a regular file";
        }
        if (!Files.isReadable(file)) {
            return "Permission denied";
        }
        if (!readOnly && !Files.isWritable(file)) {
            return "Permission denied (the file is read-only; add ,ro to attach it read-only)";
        }
        try {
            if (Files.size(file) < SECTOR_SIZE) {
                return "empty image (smaller than one " + SECTOR_SIZE + "-byte sector)";
            }
        } catch (IOException e) {
            return e.getMessage();
        }
        return null;
    }

    /** The name of the disk at {@code index} (0-based) in attach order: vda, vdb, ... */
    public static String deviceName(int index) {
        if (index < 0 || index >= MAX_DISKS) {
            throw new IllegalArgumentException("disk index " + index + " outside 0.." + (MAX_DISKS - 1));
        }
        return "vd" + (char) ('a' + index);
    }
}
