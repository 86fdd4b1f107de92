package org.stancewatch.embedded;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aTakenPortIsRefusedWithAdvice() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, Ports.LOOPBACK)) {
            assertThatThrownBy(() -> Ports.checkFree(taken.getLocalPort(), "Kafka broker"))
                    .hasMessageContaining("port " + taken.getLocalPort() + " for the Kafka broker is already in use")
                    .hasMessageContaining("choose other ports");
        }
    }

    @Test
    void freePortsAreFree() {
        Ports ports = Ports.free();

        assertThatNoException().isThrownBy(() -> Ports.checkFree(ports.kafka(), "Kafka broker"));
    }
}
