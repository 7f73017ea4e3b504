package io.portus.web.security;

import java.io.Serializable;

/** Who signed in, as kept in the session: only the id and name; the user row is re-read on each request. */
public record UiPrincipal(long userId, String username) implements Serializable {

    @Override
    public String toString() {
        return username;
    }
}
