package io.portus.namespace.internal;

import io.portus.outbound.OutboundClient;
import io.portus.outbound.OutboundHttp;
import io.portus.outbound.RefusedAddressException;
import org.springframework.stereotype.Component;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Portus's "New Registry" reachability check: {@code GET http(s)://<hostname>/v2/} without credentials
 * passes when the answer is 200 or 401 and carries {@code Docker-Distribution-Api-Version}. Through
 * {@link OutboundHttp}, without following redirects: a refused address fails with the reason.
 */
@Component
public class RegistryProbe {

    private final OutboundClient client;

    RegistryProbe(OutboundHttp outbound) {
        this.client = outbound.client(Duration.ofSeconds(2), false);
    }

    /** Empty when the registry answers as a v2 registry; otherwise Portus's message for the failure. */
    public Optional<String> problem(String hostname, boolean useSsl) {
        try {
            URI uri = URI.create((useSsl ? "https://" : "http://") + hostname + "/v2/");
            OutboundClient.Response response = client.send(new OutboundClient.Request("GET", uri, List.of(), null,
                    Duration.ofSeconds(5), 0));
            int status = response.status();
            boolean v2 = response.header("Docker-Distribution-Api-Version").isPresent();
            return (status == 200 || status == 401) && v2 ? Optional.empty()
                    : Optional.of("Error: registry does not implement v2 of the API.");
        } catch (RefusedAddressException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedIOException e) {
            return Optional.of("connection timed out");
        } catch (ConnectException e) {
            return Optional.of("connection refused");
        } catch (SSLException e) {
            return Optional.of("could not establish connection: SSL error");
        } catch (IOException e) {
            return Optional.of(e.getMessage() != null && e.getMessage().contains("reset")
                    ? "connection reset" : "Error: registry does not implement v2 of the API.");
        } catch (IllegalArgumentException e) {
            return Optional.of("Error: registry does not implement v2 of the API.");
        }
    }
}
