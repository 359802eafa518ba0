package io.iothome.stack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLockTest {

    @Test
    void secondStackInTheSameFolderIsRefusedWithAMessage(@TempDir Path folder) {
        try (StackLock first = StackLock.acquire(folder)) {
            assertThatThrownBy(() -> StackLock.acquire(folder))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a local stack is already running from")
                    .hasMessageContaining("another --work-dir");
        }
        // released: the folder can be used again
        StackLock.acquire(folder).close();
    }
}
