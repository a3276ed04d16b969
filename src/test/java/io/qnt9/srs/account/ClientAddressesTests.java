package io.qnt9.srs.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTests {

    private final ClientAddresses proxies = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        ClientAddresses none = new ClientAddresses(List.of());
        assertThat(none.hasTrustedProxies()).isFalse();
        assertThat(none.resolve("203.0.113.5", List.of("1.2.3.4"))).isEqualTo("203.0.113.5");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        assertThat(proxies.resolve("10.1.2.3", List.of("203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(proxies.resolve("10.1.2.3", List.of("198.51.100.1, 203.0.113.5, 10.9.9.9")))
                .isEqualTo("203.0.113.5");
        assertThat(proxies.resolve("10.1.2.3", List.of("198.51.100.1", "203.0.113.5:4711")))
                .isEqualTo("203.0.113.5");
        assertThat(proxies.resolve("10.1.2.3", List.of("[2001:db8::1]:443"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(proxies.resolve("10.1.2.3", List.of("garbage, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("10.1.2.3", List.of("203.0.113.9, garbage")))
                .as("unparseable hop: stop at the last trusted one")
                .isEqualTo("10.1.2.3");
        assertThat(proxies.resolve("10.1.2.3", List.of("10.0.0.1, 192.168.1.7")))
                .as("all hops trusted: the leftmost")
                .isEqualTo("10.0.0.1");
        assertThat(proxies.resolve("203.0.113.77", List.of("1.1.1.1"))).isEqualTo("203.0.113.77");
        assertThat(proxies.resolve("10.1.2.3", null)).isEqualTo("10.1.2.3");
    }

    @Test
    void rangesMatchByPrefixAndHostnamesAreNeverLookedUp() {
        assertThat(proxies.isTrusted("10.255.0.1")).isTrue();
        assertThat(proxies.isTrusted("11.0.0.1")).isFalse();
        assertThat(proxies.isTrusted("192.168.1.7")).isTrue();
        assertThat(proxies.isTrusted("192.168.1.8")).isFalse();
        assertThat(proxies.isTrusted("fd12::1")).isTrue();
        assertThat(proxies.isTrusted("fe80::1")).isFalse();
        assertThat(proxies.isTrusted("localhost")).isFalse();
        assertThat(ClientAddresses.literal("example.com")).isNull();
        assertThat(ClientAddresses.literal("1.2.3")).isNull();
        assertThat(new ClientAddresses.Cidr(new byte[] {10, 0, 0, 0}, 7).contains(ClientAddresses.literal("11.0.0.1")))
                .isTrue();
    }

    @Test
    void aBadRangeStopsStartUpWithAClearMessage() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")))
                .hasMessageContaining("TRUSTED_PROXIES: '10.0.0.0/33' has an invalid prefix length");
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
                .hasMessageContaining("is not an IP address or CIDR range");
    }

    @Test
    void ipv6ClientsAreKeyedByTheirSlash64() {
        assertThat(key("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(key("2001:db8:1:2::9")).isEqualTo("2001:db8:1:2::/64");
        assertThat(key("::1")).isEqualTo("0:0:0:0::/64");
        assertThat(key("203.0.113.5")).isEqualTo("203.0.113.5");
    }

    private static String key(String address) {
        MockHttpServletRequest r = new MockHttpServletRequest();
        r.setRemoteAddr(address);
        return RateLimitFilter.clientKey(r);
    }
}
