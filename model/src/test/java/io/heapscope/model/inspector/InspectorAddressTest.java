package io.heapscope.model.inspector;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectorAddressTest {

    @Test
    void readsHostAndPortOrADebuggerUrl() {
        InspectorAddress hostPort = InspectorAddress.parse("127.0.0.1:9229");
        assertEquals("127.0.0.1", hostPort.host());
        assertEquals(9229, hostPort.port());
        assertNull(hostPort.webSocketUrl());

        InspectorAddress ws = InspectorAddress.parse("ws://localhost:4000/0f2c-11");
        assertEquals("localhost", ws.host());
        assertEquals(4000, ws.port());
        assertEquals(URI.create("ws://localhost:4000/0f2c-11"), ws.webSocketUrl());

        assertEquals("::1", InspectorAddress.parse("[::1]:9229").host());
    }

    @Test
    void rejectsWhatIsNoAddress() {
        assertThrows(IllegalArgumentException.class, () -> InspectorAddress.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> InspectorAddress.parse("localhost:http"));
        assertThrows(IllegalArgumentException.class, () -> InspectorAddress.parse("localhost:70000"));
    }

    @Test
    void onlyLoopbackIsTrustedWithoutConsent() throws Exception {
        assertTrue(InspectorAddress.parse("127.0.0.1:9229").isLoopback());
        assertTrue(InspectorAddress.parse("localhost:9229").isLoopback());
        assertTrue(InspectorAddress.parse("[::1]:9229").isLoopback());

        InspectorAddress remote = InspectorAddress.parse("192.0.2.10:9229");
        assertFalse(remote.isLoopback());
        InspectorException refused = assertThrows(InspectorException.class,
                () -> remote.requireLoopbackUnless(false));
        assertTrue(refused.getMessage().contains("runs any code"), refused.getMessage());
        assertEquals(remote, remote.requireLoopbackUnless(true));
    }
}
