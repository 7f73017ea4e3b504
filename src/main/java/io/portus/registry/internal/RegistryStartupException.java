package io.portus.registry.internal;

/** A registry setting that prevents start-up; its message is the one line the operator reads. */
public final class RegistryStartupException extends RuntimeException {

    private final String action;

    RegistryStartupException(String message, String action) {
        super(message, null, false, false);
        this.action = action;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
