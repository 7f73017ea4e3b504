package io.portus.web.password;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the mailed link points: {@code portus.machine-fqdn} (as Portus's mailer does), with the scheme and port
 * the request came in on (behind a proxy: its forwarded ones when {@code server.forward-headers-strategy} is
 * set). The request's {@code Host} is never used, so a forged one cannot send someone's reset token elsewhere.
 */
final class LinkBase {

    private LinkBase() {
    }

    static String of(HttpServletRequest request, String machineFqdn) {
        String scheme = "https".equals(request.getScheme()) ? "https" : "http";
        String host = machineFqdn.trim();
        if (host.contains(":") && !host.startsWith("[")) {
            return scheme + "://" + host; // machine-fqdn names its port itself
        }
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || (scheme.equals("https") ? port == 443 : port == 80);
        return defaultPort ? scheme + "://" + host : scheme + "://" + host + ":" + port;
    }
}
