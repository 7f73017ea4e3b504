package io.portus.auth.token;

/** The configured signing key or certificate cannot be used; the message names the file and what is wrong. */
public final class KeyMaterialException extends RuntimeException {

    KeyMaterialException(String message) {
        super(message);
    }

    KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
