package org.stancewatch.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves host names. The default asks the system; tests and the bundled demo site map their
 * own names (e.g. {@code herald.test}) to the local server, which also exercises the SSRF
 * guard with "a name that resolves to a local address".
 */
@FunctionalInterface
public interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The system resolver: literal addresses in every form Java accepts, names through DNS and hosts files. */
    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
