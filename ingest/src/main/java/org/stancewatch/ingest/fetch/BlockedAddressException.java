package org.stancewatch.ingest.fetch;

import java.net.UnknownHostException;

/** A host that resolved to an address the SSRF guard refuses; thrown from name resolution so no socket is ever opened. */
final class BlockedAddressException extends UnknownHostException {
    BlockedAddressException(String message) {
        super(message);
    }
}
