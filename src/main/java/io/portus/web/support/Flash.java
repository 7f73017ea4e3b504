package io.portus.web.support;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One message shown once after a redirect; {@code kind} is a Bootstrap alert colour. */
public record Flash(String kind, String message) {

    static final String NOTICE = "notice";
    static final String ALERT = "alert";

    public static void notice(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(NOTICE, message);
    }

    public static void alert(RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute(ALERT, message);
    }
}
