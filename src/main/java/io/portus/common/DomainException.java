package io.portus.common;

/** A refusal a person can act on; the message is safe to show to the client. */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ForbiddenException, InvalidInputException, RuleViolationException,
        BadRequestException, NotAllowedException, ConflictException, UnavailableException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
