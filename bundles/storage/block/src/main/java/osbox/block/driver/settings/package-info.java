/**
 * A disk driver's mode and its text form
 * ({@link osbox.block.driver.settings.DriverSettings}): plain Java with no
 * dependency beyond the JDK, so the launcher ({@code --io-mode}) and the
 * shell ({@code io:mode}) embed it privately and check a mode with the very
 * parser the driver uses. Not exported.
 */
package osbox.block.driver.settings;
