package io.portus.it;

import idp.TestOidcProvider;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The test OpenID provider ({@link TestOidcProvider}, Spring Authorization Server) as its own process on a free
 * loopback port, run by the test JVM's java with the test class path; ready when its discovery document answers.
 * Its issuer is {@link #issuer()}.
 */
public final class OidcProviderProcess extends ServerProcess {

    private OidcProviderProcess(int port) {
        super("oidc-provider", List.of(PortusProcess.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                        "-cp", System.getProperty("java.class.path"), TestOidcProvider.class.getName(), Integer.toString(port)),
                Map.of(), ItPaths.newWorkDir("oidc-provider"), port, false, Duration.ofSeconds(90));
    }

    public static OidcProviderProcess launch() {
        OidcProviderProcess p = new OidcProviderProcess(FreePorts.next());
        p.start();
        return p;
    }

    /** {@code http://127.0.0.1:<port>}, as the ID tokens say. */
    public String issuer() {
        return baseUri().toString();
    }

    @Override
    protected String readyPath() {
        return "/.well-known/openid-configuration";
    }
}
