package io.portus.web.password;

import io.portus.account.PasswordResets;
import io.portus.account.PasswordResets.Link;
import io.portus.auth.throttle.AuthThrottle;
import io.portus.common.InvalidInputException;
import io.portus.common.PortusProperties;
import io.portus.web.support.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /users/password/new} (ask for a link), {@code /users/password/sent} (the one answer for every
 * address), {@code /users/password/edit?reset_password_token=…} (the mailed link: a new password).
 */
@Controller
class PasswordPages {

    static final String TOKEN = "reset_password_token";

    private final PasswordResets resets;
    private final AuthThrottle throttle;
    private final PortusProperties portus;

    PasswordPages(PasswordResets resets, AuthThrottle throttle, PortusProperties portus) {
        this.resets = resets;
        this.throttle = throttle;
        this.portus = portus;
    }

    @GetMapping("/users/password/new")
    String requestForm(Model model) {
        model.addAttribute("message", null);
        return "password/new";
    }

    /**
     * Queues the request and answers the same for every address (nothing is looked up on this thread). Each
     * request counts as a failed authentication of the client address, so one address cannot ask for more
     * than the throttle's limit per minute.
     */
    @PostMapping("/users/password")
    String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.throttled(address).or(() -> throttle.failed(address));
        if (wait.isPresent()) {
            String seconds = AuthThrottle.retryAfter(wait.get());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", seconds);
            model.addAttribute("message", "Too many requests from your address. Try again in " + seconds + " seconds.");
            return "password/new";
        }
        resets.request(email, LinkBase.of(request, portus.machineFqdn()));
        return "redirect:/users/password/sent";
    }

    @GetMapping("/users/password/sent")
    String sent() {
        return "password/sent";
    }

    @GetMapping("/users/password/edit")
    String editForm(@RequestParam(name = TOKEN, defaultValue = "") String token, Model model,
                    HttpServletResponse response) {
        Link link = resets.check(token);
        if (link != Link.VALID) {
            return invalid(link, model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        return "password/edit";
    }

    @PostMapping("/users/password/edit")
    String edit(@RequestParam(name = TOKEN, defaultValue = "") String token,
                @RequestParam(defaultValue = "") String password,
                @RequestParam(name = "password_confirmation", defaultValue = "") String confirmation,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Link link;
        try {
            link = resets.reset(token, password, confirmation);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("token", token);
            model.addAttribute("errors", e.errors());
            return "password/edit";
        }
        if (link != Link.VALID) {
            return invalid(link, model, response);
        }
        Flash.notice(redirect, "Your password has been changed. Sign in with your new password.");
        return "redirect:/users/sign_in";
    }

    private static String invalid(Link link, Model model, HttpServletResponse response) {
        response.setStatus(link == Link.EXPIRED ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
        model.addAttribute("expired", link == Link.EXPIRED);
        return "password/invalid";
    }
}
