package osbox.launcher;

import osbox.block.driver.settings.DriverSettings;

/**
 * {@code --io-mode DEV=MODE[,MODE...]}: a disk driver's mode, checked with
 * the driver's own parser ({@link DriverSettings}, embedded privately) and
 * passed on as the framework property {@value #PROPERTY}, which the block
 * layer reads with its Config Admin PID {@code osbox.block.driver}.
 */
final class IoModes {
    /** The framework property the entries are passed in, {@code ;}-separated. */
    static final String PROPERTY = DriverSettings.LAUNCH_PROPERTY;

    private IoModes() {
    }

    /** Why {@code value} (an --io-mode argument, null when missing) is not a device's mode, or null when it is. */
    static String whyNot(String value) {
        if (value == null || value.isBlank()) {
            return "--io-mode needs DEV=MODE[,MODE...], e.g. vda=pio,poll";
        }
        if (value.indexOf(';') >= 0) {
            return "--io-mode " + value + ": one device an option (repeat --io-mode for more)";
        }
        try {
            DriverSettings.deviceModes(value);
            return null;
        } catch (IllegalArgumentException e) {
            return "--io-mode " + value + ": " + e.getMessage();
        }
    }
}
