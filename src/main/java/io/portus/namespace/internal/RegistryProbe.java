package io.portus.namespace.internal;

import org.springframework.stereotype.Component;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Portus's "New Registry" reachability check: {@code GET http(s)://<hostname>/v2/} without credentials
 * passes when the answer is 200 or 401 and carries {@code Docker-Distribution-Api-Version}.
 */
@Component
public class RegistryProbe {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Empty when the registry answers as a v2 registry; otherwise Portus's message for the failure. */
    public Optional<String> problem(String hostname, boolean useSsl) {
        URI uri = URI.create((useSsl ? "https://" : "http://") + hostname + "/v2/");
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean v2 = response.headers().firstValue("Docker-Distribution-Api-Version").isPresent();
            return (status == 200 || status == 401) && v2 ? Optional.empty()
                    : Optional.of("Error: registry does not implement v2 of the API.");
        } catch (HttpTimeoutException e) {
            return Optional.of("connection timed out");
        } catch (ConnectException e) {
            return Optional.of("connection refused");
        } catch (SSLException e) {
            return Optional.of("could not establish connection: SSL error");
        } catch (IOException e) {
            return Optional.of(e.getMessage() != null && e.getMessage().contains("reset")
                    ? "connection reset" : "Error: registry does not implement v2 of the API.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("connection timed out");
        }
    }
}
