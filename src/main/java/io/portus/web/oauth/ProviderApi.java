package io.portus.web.oauth;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few provider API calls a sign-in needs, made with the user's access token: GitHub's and GitLab's paged
 * lists (GitHub's {@code Link: <...>; rel="next"}, GitLab's {@code X-Next-Page}), Bitbucket's {@code next}
 * links. At most {@value #MAX_PAGES} pages of 100 are read. The token is sent as a Bearer header, never in the
 * URL, and never logged.
 */
final class ProviderApi {

    static final int MAX_PAGES = 20;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    private final RestClient http = ProviderHttp.apiClient();

    /** Every item of a GitHub or GitLab list, following its pages. */
    List<Map<String, Object>> list(String url, String token) {
        List<Map<String, Object>> all = new ArrayList<>();
        String next = url + (url.contains("?") ? "&" : "?") + "per_page=100";
        for (int page = 1; next != null && page <= MAX_PAGES; page++) {
            ResponseEntity<List<Map<String, Object>>> response = get(next, token).toEntity(LIST);
            if (response.getBody() != null) {
                all.addAll(response.getBody());
            }
            next = next(response.getHeaders(), next, page);
        }
        return all;
    }

    /** Every item of a Bitbucket list ({@code values}, then the {@code next} URL). */
    List<Map<String, Object>> bitbucketValues(String url, String token) {
        List<Map<String, Object>> all = new ArrayList<>();
        String next = url;
        for (int page = 1; next != null && page <= MAX_PAGES; page++) {
            Map<String, Object> body = get(next, token).body(OBJECT);
            if (body == null) {
                break;
            }
            if (body.get("values") instanceof List<?> values) {
                values.stream().filter(Map.class::isInstance).forEach(v -> all.add(cast(v)));
            }
            next = body.get("next") instanceof String s ? s : null;
        }
        return all;
    }

    private RestClient.ResponseSpec get(String url, String token) {
        return http.get().uri(java.net.URI.create(url)).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT, "application/json").retrieve();
    }

    private static String next(HttpHeaders headers, String current, int page) {
        String link = headers.getFirst(HttpHeaders.LINK);
        if (link != null) {
            Matcher m = NEXT_LINK.matcher(link);
            return m.find() ? m.group(1) : null;
        }
        String nextPage = headers.getFirst("X-Next-Page");
        if (nextPage != null && !nextPage.isBlank()) {
            String base = current.replaceAll("[?&]page=\\d+", "");
            return base + (base.contains("?") ? "&" : "?") + "page=" + nextPage.trim();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
