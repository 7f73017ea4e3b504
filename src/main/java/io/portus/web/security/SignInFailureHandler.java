package io.portus.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/** Back to the form with {@code ?locked} (the lockout message) or {@code ?error} (bad credentials). */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String outcome = exception instanceof LockedException ? "locked" : "error";
        response.sendRedirect(request.getContextPath() + "/users/sign_in?" + outcome);
    }
}
