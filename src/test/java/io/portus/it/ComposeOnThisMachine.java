package io.portus.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the environment compose gives a service into the environment of the same program started on this machine,
 * changing nothing but host names, ports and paths:
 * <ul>
 *   <li>listen addresses ({@code PUMA_IP}, {@code PUMA_PORT}, {@code REGISTRY_HTTP_ADDR}): loopback and the host
 *       port compose publishes the container port on;</li>
 *   <li>{@code service:port} of another compose service (in URLs too): where that service listens here;</li>
 *   <li>paths under a mount point of the service: the directory the test gives that mount;</li>
 *   <li>{@code MARIADB_HOST}, {@code _PORT}, {@code _DATABASE}, {@code _USER} naming the {@code db} service: the
 *       machine's MariaDB and a private database and user (created with the compose file's password).</li>
 * </ul>
 */
final class ComposeOnThisMachine {

    private static final Pattern SERVICE_ADDRESS = Pattern.compile("(?<=^|//|\\s)([a-z][a-z0-9_-]*):(\\d+)");

    private final ComposeFile compose;
    private final Map<String, String> elsewhere = new LinkedHashMap<>();
    private final Map<String, String> database = new LinkedHashMap<>();
    private final Map<String, Path> mounts = new LinkedHashMap<>();

    ComposeOnThisMachine(ComposeFile compose) {
        this.compose = compose;
    }

    /** A service that runs elsewhere on this machine: {@code service:containerPort} is {@code hostPort} here. */
    ComposeOnThisMachine serviceAt(String service, int containerPort, String hostPort) {
        elsewhere.put(service + ":" + containerPort, hostPort);
        return this;
    }

    /** The {@code db} service is the machine's MariaDB at {@code host:port}, with this database and user. */
    ComposeOnThisMachine mariadb(String host, int port, String databaseName, String user) {
        serviceAt("db", 3306, host + ":" + port);
        database.put("MARIADB_HOST", host);
        database.put("MARIADB_PORT", Integer.toString(port));
        database.put("MARIADB_DATABASE", databaseName);
        database.put("MARIADB_USER", user);
        return this;
    }

    /** The compose volume or bind mount at {@code containerPath} of any service is {@code dir} here. */
    ComposeOnThisMachine mount(String containerPath, Path dir) {
        mounts.put(containerPath, dir);
        return this;
    }

    /** The service's environment as this machine needs it. */
    Map<String, String> environment(String serviceName) {
        ComposeFile.Service service = compose.service(serviceName);
        Map<String, String> env = new LinkedHashMap<>();
        service.environment().forEach((name, value) -> env.put(name, rewrite(service, name, value)));
        return env;
    }

    /** The host port the service's container port is published on. */
    int published(String serviceName, int containerPort) {
        Integer port = compose.service(serviceName).ports().get(containerPort);
        if (port == null) {
            throw new AssertionError(serviceName + " does not publish port " + containerPort);
        }
        return port;
    }

    private String rewrite(ComposeFile.Service service, String name, String value) {
        if (database.containsKey(name)) {
            String expected = name.equals("MARIADB_HOST") ? "db" : name.equals("MARIADB_PORT") ? "3306" : value;
            if (!value.equals(expected)) {
                throw new AssertionError(name + " should name the db service, but is " + value);
            }
            return database.get(name);
        }
        switch (name) {
            case "PUMA_IP":
                return value.equals("0.0.0.0") ? "127.0.0.1" : value;
            case "PUMA_PORT":
                return Integer.toString(published(service.name(), Integer.parseInt(value)));
            case "REGISTRY_HTTP_ADDR":
                String port = value.substring(value.lastIndexOf(':') + 1);
                return "127.0.0.1:" + published(service.name(), Integer.parseInt(port));
            default:
                return mountedPath(service, otherServices(value));
        }
    }

    private String otherServices(String value) {
        Matcher m = SERVICE_ADDRESS.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String target = m.group();
            String here = elsewhere.get(target);
            if (here == null && compose.services().containsKey(m.group(1))) {
                here = "127.0.0.1:" + published(m.group(1), Integer.parseInt(m.group(2)));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(here == null ? target : here));
        }
        return m.appendTail(out).toString();
    }

    private String mountedPath(ComposeFile.Service service, String value) {
        for (String containerPath : service.volumes().keySet()) {
            if (value.equals(containerPath) || value.startsWith(containerPath + "/")) {
                Path dir = mounts.get(containerPath);
                if (dir == null) {
                    throw new AssertionError(service.name() + " mounts " + containerPath + ", which the test did not give");
                }
                return dir + value.substring(containerPath.length());
            }
        }
        return value;
    }
}
