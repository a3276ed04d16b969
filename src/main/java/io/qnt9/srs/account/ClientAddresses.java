package io.qnt9.srs.account;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which address a request comes from. The TCP peer, unless the peer is one of {@code TRUSTED_PROXIES}: then the
 * {@code X-Forwarded-For} chain is walked from the right (the entries our own proxies appended) to the first address
 * that is not a trusted proxy. Whatever a client writes further left is never believed, so a forged header cannot
 * change the address the rate limiter sees.
 */
final class ClientAddresses {

    private final List<Cidr> trusted;

    ClientAddresses(List<String> trustedProxies) {
        List<Cidr> list = new ArrayList<>();
        for (String s : trustedProxies) {
            list.add(Cidr.parse(s));
        }
        this.trusted = List.copyOf(list);
    }

    boolean hasTrustedProxies() {
        return !trusted.isEmpty();
    }

    boolean isTrusted(String address) {
        if (trusted.isEmpty() || address == null) {
            return false;
        }
        InetAddress a = literal(address);
        if (a == null) {
            return false;
        }
        for (Cidr c : trusted) {
            if (c.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client address for a request whose TCP peer is {@code peer} and whose X-Forwarded-For header values are
     * {@code forwardedFor} (may be null); returned in canonical form.
     */
    String resolve(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String part : header.split(",")) {
                String hop = part.trim();
                if (!hop.isEmpty()) {
                    hops.add(hop);
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress a = literal(stripPort(hops.get(i)));
            if (a == null) {
                break; // garbage in the chain: stop at the last hop we could trust
            }
            client = a.getHostAddress();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    /** An IP literal (never a DNS lookup), or null. */
    static InetAddress literal(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return null;
        }
        String v = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok =
                    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
            if (!ok) {
                return null;
            }
        }
        if (v.indexOf(':') < 0 && !v.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(v);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(0, end + 1) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }

    /** The /64 network of an IPv6 address in any notation, as {@code a:b:c:d::/64}. */
    static String expandIpv6Prefix(String address) {
        InetAddress a = literal(address.contains("%") ? address.substring(0, address.indexOf('%')) : address);
        if (!(a instanceof Inet6Address)) {
            return a == null ? address : a.getHostAddress();
        }
        byte[] b = a.getAddress();
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)));
        }
        return sb.append("::/64").toString();
    }

    /** An address range such as {@code 10.0.0.0/8}, {@code 192.168.1.7} or {@code fd00::/8}. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String s = text.trim();
            int slash = s.indexOf('/');
            InetAddress a = literal(slash < 0 ? s : s.substring(0, slash));
            if (a == null) {
                throw new IllegalStateException(
                        "TRUSTED_PROXIES: '" + s + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8).");
            }
            int bits = a.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalStateException(
                        "TRUSTED_PROXIES: '" + s + "' has an invalid prefix length (0–" + bits + ").");
            }
            return new Cidr(a.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (b[full] & mask) == (network[full] & mask);
        }
    }
}
