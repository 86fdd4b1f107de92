package org.stancewatch.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's name resolution, with the SSRF guard inside it: the addresses checked are
 * the addresses connected to, so a name that resolves to a public address when checked and to a
 * private one when connecting (DNS rebinding) cannot slip through. A name with any refused
 * address is refused whole.
 */
final class GuardedDnsResolver implements DnsResolver {
    private final HostResolver resolver;
    private final boolean allowPrivate;

    GuardedDnsResolver(HostResolver resolver, boolean allowPrivate) {
        this.resolver = resolver;
        this.allowPrivate = allowPrivate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host + ": no address");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                Optional<String> refusal = AddressGuard.refusal(address);
                if (refusal.isPresent()) {
                    throw new BlockedAddressException(host + " resolves to " + address.getHostAddress() + ", a "
                            + refusal.get() + " address, which crawling may not reach (a source may allow it with "
                            + "allowPrivateAddresses: true)");
                }
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return resolve(host)[0].getCanonicalHostName();
    }
}
