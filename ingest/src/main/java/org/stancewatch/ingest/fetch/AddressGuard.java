package org.stancewatch.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The SSRF guard's rule: which resolved addresses a crawler may connect to. Refused: loopback
 * (127/8, ::1), unspecified (0.0.0.0/8, ::), private (10/8, 172.16/12, 192.168/16), link-local
 * (169.254/16 — cloud metadata services live there — and fe80::/10), carrier-grade NAT
 * (100.64/10), multicast, broadcast and reserved IPv4 (224/4, 240/4), benchmarking (198.18/15),
 * IPv6 unique-local (fc00::/7) and site-local (fec0::/10), discard-only (100::/64), Teredo
 * (2001::/32, whose addresses hide a client's IPv4 address and reach it through a relay), local-use
 * NAT64 (64:ff9b:1::/48, which translates to whatever the local network chooses) and the rest of
 * 64:ff9b::/32 outside the well-known prefix, and IPv6 forms that embed a refused IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
 *
 * <p>The rule applies to addresses, not to how a URL spelt the host: {@code 127.1},
 * {@code 2130706433}, {@code [::1]} and a name that resolves to 127.0.0.1 all end here as the
 * same address.
 */
public final class AddressGuard {
    private AddressGuard() {}

    /** Why the address is refused, or empty if a crawler may connect to it. */
    public static Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return refusal4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return refusal6(v6);
        }
        return Optional.of("unknown address type");
    }

    private static Optional<String> refusal4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 127) {
            return Optional.of("loopback");
        }
        if (b0 == 0) {
            return Optional.of("unspecified (0.0.0.0/8)");
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return Optional.of("private");
        }
        if (b0 == 169 && b1 == 254) {
            return Optional.of("link-local (169.254/16, where cloud metadata services answer)");
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return Optional.of("carrier-grade NAT (100.64/10)");
        }
        if (b0 == 192 && b1 == 0 && (a[2] & 0xff) == 0) {
            return Optional.of("IETF protocol assignments (192.0.0/24)");
        }
        if (b0 == 198 && (b1 == 18 || b1 == 19)) {
            return Optional.of("benchmarking (198.18/15)");
        }
        if (b0 >= 224 && b0 <= 239) {
            return Optional.of("multicast");
        }
        if (b0 >= 240) {
            return Optional.of("reserved or broadcast (240/4)");
        }
        return Optional.empty();
    }

    private static Optional<String> refusal6(Inet6Address address) {
        byte[] a = address.getAddress();
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local (fe80::/10)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("site-local (fec0::/10)");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if ((a[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local (fc00::/7)");
        }
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible)
        if (zero(a, 0, 10) && ((a[10] == (byte) 0xff && a[11] == (byte) 0xff) || (a[10] == 0 && a[11] == 0))) {
            return embedded(a, 12);
        }
        if (a[0] == 0 && a[1] == 0x64 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b) {
            // 64:ff9b::a.b.c.d (well-known NAT64) names the IPv4 address it translates to
            if (zero(a, 4, 12)) {
                return embedded(a, 12);
            }
            return Optional.of("local-use NAT64 (64:ff9b:1::/48) or unassigned NAT64 space");
        }
        if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0) {
            return Optional.of("Teredo (2001::/32)");
        }
        if (a[0] == 0x01 && a[1] == 0 && zero(a, 2, 8)) {
            return Optional.of("discard-only (100::/64)");
        }
        // 2002:AABB:CCDD::/48 (6to4)
        if (a[0] == 0x20 && a[1] == 0x02) {
            return embedded(a, 2);
        }
        return Optional.empty();
    }

    private static boolean zero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> embedded(byte[] a, int offset) {
        byte[] v4 = {a[offset], a[offset + 1], a[offset + 2], a[offset + 3]};
        return refusal4(v4).map(reason -> reason + " (embedded in an IPv6 address)");
    }
}
