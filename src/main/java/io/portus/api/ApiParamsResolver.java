package io.portus.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link ApiParams} from the query string, form fields and a JSON body (at most 1 MiB). */
class ApiParamsResolver implements HandlerMethodArgumentResolver {

    private static final int MAX_BODY = 1 << 20;

    private final JsonMapper json;
    private final int defaultPerPage;

    ApiParamsResolver(JsonMapper json, int defaultPerPage) {
        this.json = json;
        this.defaultPerPage = defaultPerPage;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ApiParams.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        Map<String, String> values = new HashMap<>();
        String contentType = http == null ? null : http.getContentType();
        if (contentType != null && contentType.toLowerCase().contains("json")) {
            JsonNode body = body(http);
            if (body != null && body.isObject()) {
                flatten("", body, values);
            } else if (body != null && !body.isNull() && !body.isMissingNode()) {
                throw new ApiParams.ApiParameterException("body", "must be a JSON object");
            }
        }
        request.getParameterMap().forEach((k, v) -> {
            if (v.length > 0) {
                values.putIfAbsent(k, v[0]);
            }
        });
        return new ApiParams(values, defaultPerPage);
    }

    private JsonNode body(HttpServletRequest http) {
        try {
            byte[] bytes = http.getInputStream().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new ApiParams.ApiParameterException("body", "is too large");
            }
            return bytes.length == 0 ? null : json.readTree(bytes);
        } catch (JacksonException e) {
            throw new ApiParams.ApiParameterException("body", "is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "[" + e.getKey() + "]", e.getValue(), out);
            }
        } else if (node.isArray() && !prefix.isEmpty()) {
            out.put(prefix, node.toString()); // kept as JSON text: the endpoint reads it (token scopes)
        } else if (node.isNull()) {
            out.put(prefix, "");
        } else if (node.isValueNode()) {
            out.put(prefix, node.asString());
        }
    }
}
