package io.portus.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portus.common.RequestId;
import io.portus.registry.RequestHost;
import io.portus.storage.RepositoryName;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One registry request while it is handled: the parsed route and query, the validated repository, the
 * actor, and byte counters. Request and response bodies go through counting streams that also note
 * when the client (not the storage) failed, so a dropped connection is not reported as a server error.
 */
final class Exchange {

    static final String JSON_UTF8 = "application/json; charset=utf-8";

    final HttpServletRequest request;
    final HttpServletResponse response;
    final Route route;
    final String method;
    final Query query;
    private String requestId;
    private RepositoryName repo;
    private String actor = "";
    long bytesIn;
    long bytesOut;
    boolean clientFailed;

    Exchange(HttpServletRequest request, HttpServletResponse response, Route route) {
        this.request = request;
        this.response = response;
        this.route = route;
        this.method = request.getMethod();
        this.query = Query.parse(request.getQueryString());
    }

    /** The id of this request (for events): the one its log lines carry ({@link RequestId}), else a new one. */
    String requestId() {
        if (requestId == null) {
            requestId = request.getAttribute(RequestId.ATTRIBUTE) instanceof String id ? id : Ids.uuid();
        }
        return requestId;
    }

    RepositoryName repo() {
        return repo;
    }

    void repo(RepositoryName name) {
        this.repo = name;
    }

    String actor() {
        return actor;
    }

    void actor(String name) {
        this.actor = name == null ? "" : name;
    }

    boolean head() {
        return "HEAD".equals(method);
    }

    String header(String name) {
        return request.getHeader(name);
    }

    void header(String name, String value) {
        response.setHeader(name, value);
    }

    /** Path of a blob of this repository, as used in {@code Location}. */
    String blobPath(Object digest) {
        return "/v2/" + repo + "/blobs/" + digest;
    }

    String manifestPath(Object digest) {
        return "/v2/" + repo + "/manifests/" + digest;
    }

    String uploadPath(String id) {
        return "/v2/" + repo + "/blobs/uploads/" + id;
    }

    /** {@code scheme://host[:port]} as the client addressed us (for event URLs; behind a trusted proxy, its). */
    String baseUrl() {
        String origin = RequestHost.origin(request);
        return origin != null ? origin : request.getScheme() + "://" + request.getLocalAddr() + ":" + request.getLocalPort();
    }

    /** A status with an empty body. */
    void sendEmpty(int status) {
        response.setStatus(status);
        response.setContentLengthLong(0);
    }

    void sendJson(int status, Object body) throws IOException {
        sendBytes(status, JSON_UTF8, Json.bytes(body));
    }

    /** A complete small body; for HEAD only its headers. */
    void sendBytes(int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLengthLong(body.length);
        if (!head()) {
            try (OutputStream out = output()) {
                out.write(body);
            }
        }
    }

    /**
     * Answers a protocol error, unless the response is already on its way. The error is also kept on the
     * request: when Tomcat has put the response in error (a broken request body), the answer is sent by
     * {@link RegistryErrorPageFilter}.
     */
    void sendError(RegistryException e) throws IOException {
        request.setAttribute(RegistryErrorPageFilter.ERROR_ATTRIBUTE, e);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        e.headers().forEach(response::setHeader);
        sendJson(e.status(), envelope(e.code().name(), e.getMessage(), e.detail()));
    }

    /** {@code {"errors":[{"code","message","detail"}]}}. */
    static Map<String, Object> envelope(String code, String message, Object detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (detail != null) {
            error.put("detail", detail);
        }
        List<Object> errors = new ArrayList<>(1);
        errors.add(error);
        return Map.of("errors", errors);
    }

    /**
     * 400 SIZE_INVALID when the request body did not arrive whole (what did arrive may have been stored).
     *
     * @param range for upload sessions, the session's {@code Range} after the partial append, else null
     */
    void requireCompleteBody(String range) {
        if (!clientFailed) {
            return;
        }
        RegistryException e = new RegistryException(ErrorCode.SIZE_INVALID, "the request body ended early or the"
                + " connection failed");
        throw range == null ? e : e.withHeader("Range", range);
    }

    /** The request body, counted; a client-side failure reads as end of stream (see {@link CountingStreams.In}). */
    InputStream body() throws IOException {
        return new CountingStreams.In(request.getInputStream(), this);
    }

    /** The response body, counted. */
    OutputStream output() throws IOException {
        return new CountingStreams.Out(response.getOutputStream(), this);
    }
}
