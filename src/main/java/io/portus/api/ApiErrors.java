package io.portus.api;

import io.portus.auth.throttle.AuthThrottle;
import io.portus.common.BadRequestException;
import io.portus.common.ConflictException;
import io.portus.common.DomainException;
import io.portus.common.ForbiddenException;
import io.portus.common.InvalidInputException;
import io.portus.common.NotAllowedException;
import io.portus.common.NotFoundException;
import io.portus.common.RuleViolationException;
import io.portus.common.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;
import java.util.Map;

/**
 * Portus's error bodies: {@code {"error": "..."}} for 401/404/405/422 messages, {@code {"error": {field:
 * [...]}}} for invalid fields (422), {@code {"errors": {param: [...]}}} for missing or malformed
 * parameters (400), {@code {"errors": "Authorization fails"}} for 403 and {@code {"error": "..."}} with
 * {@code Retry-After} for 429 (a throttled client address). Never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiAuthenticationException.class)
    ResponseEntity<Map<String, Object>> unauthenticated(ApiAuthenticationException e) {
        return body(HttpStatus.UNAUTHORIZED, "error", e.getMessage());
    }

    @ExceptionHandler(ApiThrottledException.class)
    ResponseEntity<Map<String, Object>> throttled(ApiThrottledException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, AuthThrottle.retryAfter(e.retryAfter()))
                .body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(ApiParams.ApiParameterException.class)
    ResponseEntity<Map<String, Object>> badParameter(ApiParams.ApiParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "errors", e.errors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badPathParameter(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "errors", Map.of(e.getName(), List.of("is invalid")));
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, Object>> domain(DomainException e) {
        return switch (e) {
            case NotFoundException n -> body(HttpStatus.NOT_FOUND, "error", n.getMessage());
            case ForbiddenException f -> body(HttpStatus.FORBIDDEN, "errors", f.getMessage());
            case InvalidInputException i -> body(HttpStatus.UNPROCESSABLE_CONTENT, "error", i.errors());
            case RuleViolationException r -> body(HttpStatus.UNPROCESSABLE_CONTENT, "error", r.getMessage());
            case BadRequestException b -> body(HttpStatus.BAD_REQUEST, "error", b.getMessage());
            case NotAllowedException n -> body(HttpStatus.METHOD_NOT_ALLOWED, "error", n.getMessage());
            case ConflictException c -> ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("error", c.getMessage(), c.detailsKey(), c.details()));
            case UnavailableException u -> body(HttpStatus.SERVICE_UNAVAILABLE, "error", u.getMessage());
        };
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Map<String, Object>> conflict(DataIntegrityViolationException e) {
        log.info("API request refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return body(HttpStatus.UNPROCESSABLE_CONTENT, "error", "has already been taken or conflicts with existing data");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "errors", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        log.error("API request failed", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "error", "Internal server error");
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String key, Object value) {
        return ResponseEntity.status(status).body(Map.of(key, value));
    }
}
