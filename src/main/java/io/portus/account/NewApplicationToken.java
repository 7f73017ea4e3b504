package io.portus.account;

/** A token just created: {@code plainToken} is shown once and never stored. */
public record NewApplicationToken(long id, String application, String plainToken) {

    @Override
    public String toString() {
        return "NewApplicationToken[" + id + ", " + application + "]";
    }
}
