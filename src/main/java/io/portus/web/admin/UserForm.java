package io.portus.web.admin;

/**
 * The fields of the admin's user form (bound from {@code username}, {@code email}, {@code displayName},
 * {@code password}; an empty password keeps the current one).
 */
public record UserForm(String username, String email, String displayName, String password) {

    public UserForm {
        username = username == null ? "" : username;
        email = email == null ? "" : email;
        displayName = displayName == null ? "" : displayName;
        password = password == null ? "" : password;
    }

    @Override
    public String toString() {
        return "UserForm[" + username + "]";
    }
}
