package io.portus.outbound;

import java.net.UnknownHostException;

/**
 * A connection the outbound rule refused: every address the host resolved to is denied. An
 * {@link UnknownHostException} because it is raised where the host is resolved; shown by its message alone.
 */
public final class RefusedAddressException extends UnknownHostException {

    RefusedAddressException(String host, String why) {
        super("refused to connect to " + host + ": " + why + " (outgoing requests never go there; see portus.outbound)");
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
