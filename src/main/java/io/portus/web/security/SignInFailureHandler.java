package io.portus.web.security;

import io.portus.auth.throttle.AuthThrottle;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts the failure towards the client address' throttle; back to the form with {@code ?locked} (the lockout
 * message), {@code ?unavailable} (the LDAP directory could not be reached) or {@code ?error} (bad credentials), or the throttled form (429) when this failure reached the limit.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    private final AuthThrottle throttle;

    SignInFailureHandler(AuthThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        Optional<Duration> wait = throttle.failed(request.getRemoteAddr());
        if (wait.isPresent()) {
            ThrottledSignIn.forward(request, response, wait.get());
            return;
        }
        String outcome = exception instanceof LockedException ? "locked"
                : exception instanceof AuthenticationServiceException ? "unavailable" : "error";
        response.sendRedirect(request.getContextPath() + "/users/sign_in?" + outcome);
    }
}
