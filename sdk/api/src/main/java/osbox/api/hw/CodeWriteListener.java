package osbox.api.hw;

import org.osgi.annotation.versioning.ConsumerType;

/** Told when a frame marked as code is about to change: drop what was decoded from it. */
@ConsumerType
@FunctionalInterface
public interface CodeWriteListener {
    void codeFrameChanging(long ppn);
}
