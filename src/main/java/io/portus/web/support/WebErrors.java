package io.portus.web.support;

import io.portus.common.DomainException;
import io.portus.common.ForbiddenException;
import io.portus.common.InvalidInputException;
import io.portus.common.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.net.URI;
import java.util.stream.Collectors;

/**
 * Domain refusals in the UI: a form (POST) with a value the rules refuse goes back to the page it came from
 * with the message; anything not allowed (403) or not found (404), and every refused page (GET), shows the
 * error page with that status.
 * Never a stack trace.
 */
@ControllerAdvice(basePackages = "io.portus.web")
class WebErrors {

    private final PageInterceptor pages;

    WebErrors(PageInterceptor pages) {
        this.pages = pages;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = switch (e) {
            case NotFoundException n -> HttpStatus.NOT_FOUND;
            case ForbiddenException f -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
        return withPage(refuse(request, response, status, message(e)), request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badParameter(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return withPage(refuse(request, response, HttpStatus.BAD_REQUEST,
                "The request is missing a value or has an invalid one."), request);
    }

    private ModelAndView withPage(ModelAndView mav, HttpServletRequest request) {
        if (!"error".equals(mav.getViewName())) {
            return mav;
        }
        return mav.addObject("page", pages.page(request));
    }

    static ModelAndView refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                               String message) {
        if ("POST".equals(request.getMethod()) && status == HttpStatus.BAD_REQUEST) {
            RequestContextUtils.getOutputFlashMap(request).put(Flash.ALERT, message);
            return new ModelAndView("redirect:" + back(request));
        }
        response.setStatus(status.value());
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("error", status.getReasonPhrase());
        mav.addObject("message", message);
        return mav;
    }

    static String message(DomainException e) {
        if (e instanceof InvalidInputException i) {
            return i.errors().entrySet().stream()
                    .map(en -> humanField(en.getKey()) + " " + String.join(", ", en.getValue()))
                    .collect(Collectors.joining("; "));
        }
        return e.getMessage();
    }

    static String humanField(String field) {
        if (field.equals("base")) {
            return "";
        }
        String f = field.replace('_', ' ');
        return Character.toUpperCase(f.charAt(0)) + f.substring(1);
    }

    /** The same-site page the form was on (from Referer), or the home page. */
    static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName())) {
                    String path = uri.getRawPath();
                    if (path != null && path.startsWith("/") && !path.startsWith("//")) {
                        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // an unusable Referer: fall back to the home page
            }
        }
        return "/";
    }
}
