package io.portus.web.admin;

import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.account.UserUpdate;
import io.portus.common.InvalidInputException;
import io.portus.common.NotFoundException;
import io.portus.web.support.CurrentUserArgument;
import io.portus.web.support.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * {@code /admin/users/:id/edit}: an admin changes a user's name, e-mail, display name or password (as Portus's
 * admin user page does); the rules are the account's ({@link UserService#update}), errors are shown by field.
 */
@Controller
class AdminUserEditPages {

    private final UserService users;

    AdminUserEditPages(UserService users) {
        this.users = users;
    }

    @GetMapping("/admin/users/{id}/edit")
    String edit(@CurrentUserArgument User admin, @PathVariable long id, Model model) {
        Admins.require(admin);
        User user = users.find(id).orElseThrow(() -> new NotFoundException("Not found"));
        return form(model, user, new UserForm(user.username(), user.email(), user.displayName(), ""), Map.of());
    }

    @PostMapping("/admin/users/{id}/edit")
    String update(@CurrentUserArgument User admin, @PathVariable long id, UserForm values, Model model,
                  RedirectAttributes redirect) {
        Admins.require(admin);
        User current = users.find(id).orElseThrow(() -> new NotFoundException("Not found"));
        try {
            User saved = users.update(id, new UserUpdate(values.username().trim(), values.email().trim(),
                    values.password().isEmpty() ? null : values.password(), values.displayName()));
            Flash.notice(redirect, "User " + saved.username() + " saved."
                    + (values.password().isEmpty() ? "" : " The new password is in effect; their sessions must sign in again."));
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            return form(model, current, new UserForm(values.username(), values.email(), values.displayName(), ""),
                    e.errors());
        }
    }

    private static String form(Model model, User user, UserForm values, Map<String, List<String>> errors) {
        model.addAttribute("user", user);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "admin/user_form";
    }
}
