package io.portus.common;

/** The request is well-formed but breaks a rule of the model (e.g. removing a team's last owner). */
public final class RuleViolationException extends DomainException {

    public RuleViolationException(String message) {
        super(message);
    }
}
