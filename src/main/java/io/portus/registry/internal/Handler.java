package io.portus.registry.internal;

import java.io.IOException;

/** Handles the requests of one endpoint family, after routing and access control. */
interface Handler {

    void handle(Exchange exchange) throws IOException;

    /** The 405 answer for a method the family does not support. */
    static RegistryException unsupported(Exchange exchange) {
        return RouteSyntax.methodNotAllowed(exchange.route, exchange.method);
    }
}
