package io.portus.registry.internal;

import java.io.IOException;
import java.util.Map;

/** {@code GET /v2/}: 200 {@code {}} once access control let the request through. */
final class BaseHandler implements Handler {

    @Override
    public void handle(Exchange ex) throws IOException {
        ex.sendJson(200, Map.of());
    }
}
