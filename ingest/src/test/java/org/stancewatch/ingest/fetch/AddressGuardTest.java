package org.stancewatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1", "255.255.255.255", "198.18.0.1",
        "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "64:ff9b::a9fe:a9fe",
        "2002:7f00:1::1", "64:ff9b:1::808:808", "64:ff9b:1:abcd::1", "64:ff9b:0:0:1::1", "2001::1",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2", "100::1", "100::ffff:ffff:ffff:ffff"})
    void internalAddressesAreRefused(String address) throws Exception {
        assertThat(AddressGuard.refusal(InetAddress.getByName(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "151.101.1.69", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2a00:1450:4001::1",
        "2001:4860:4860::8888", "2001:1::1", "64:ff9b::808:808", "100:0:0:1::1"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(AddressGuard.refusal(InetAddress.getByName(address))).as(address).isEmpty();
    }
}
