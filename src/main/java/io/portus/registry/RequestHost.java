package io.portus.registry;

import jakarta.servlet.http.HttpServletRequest;

import java.util.regex.Pattern;

/**
 * The scheme, host and port a client addressed, as the servlet container reports them: from the {@code Host}
 * header by default, from the proxy's {@code X-Forwarded-Proto/Host/Port} (or RFC 7239 {@code Forwarded}) only
 * when {@code server.forward-headers-strategy} is {@code native} (Tomcat's {@code RemoteIpValve}) or
 * {@code framework} (Spring's {@code ForwardedHeaderFilter}). The raw forwarded headers are never read here, so
 * without that setting a forged {@code X-Forwarded-Host} changes nothing.
 */
public final class RequestHost {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    private RequestHost() {
    }

    /** {@code host[:port]} (the scheme's default port left out), or null when the name is not a plain host name. */
    public static String hostAndPort(HttpServletRequest request) {
        String name = request.getServerName();
        if (name == null) {
            return null;
        }
        if (name.indexOf(':') >= 0 && !name.startsWith("[")) {
            name = "[" + name + "]";
        }
        if (!NAME.matcher(name).matches()) {
            return null;
        }
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || ("https".equals(request.getScheme()) ? port == 443 : port == 80);
        return defaultPort ? name : name + ":" + port;
    }

    /** {@code scheme://host[:port]}, or null when the host is not a plain host name. */
    public static String origin(HttpServletRequest request) {
        String host = hostAndPort(request);
        String scheme = request.getScheme();
        return host == null || !("http".equals(scheme) || "https".equals(scheme)) ? null : scheme + "://" + host;
    }
}
