package io.portus.auth.throttle.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * What is counted per client: an IPv4 address as it is, an IPv6 address by its /64 network (one host usually
 * holds a whole /64, so counting single IPv6 addresses would let it try again from the next one).
 */
final class ClientKeys {

    private static final int MAX_LENGTH = 64;

    private ClientKeys() {
    }

    static String of(String address) {
        String a = address.strip();
        if (a.indexOf(':') < 0) {
            return a.length() <= MAX_LENGTH ? a : a.substring(0, MAX_LENGTH);
        }
        try {
            // an IPv6 literal (it has a colon) is parsed, never looked up
            InetAddress parsed = InetAddress.getByName(a.startsWith("[") ? a : "[" + a + "]");
            if (!(parsed instanceof Inet6Address v6)) {
                return parsed.getHostAddress();
            }
            byte[] prefix = new byte[8];
            System.arraycopy(v6.getAddress(), 0, prefix, 0, 8);
            String hex = HexFormat.of().formatHex(prefix);
            return hex.substring(0, 4) + ":" + hex.substring(4, 8) + ":" + hex.substring(8, 12) + ":" + hex.substring(12)
                    + "::/64";
        } catch (UnknownHostException e) {
            return a.length() <= MAX_LENGTH ? a : a.substring(0, MAX_LENGTH);
        }
    }
}
