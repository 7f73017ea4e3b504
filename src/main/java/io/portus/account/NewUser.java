package io.portus.account;

/** What it takes to create a user ({@code displayName} may be null; bots get no personal namespace). */
public record NewUser(String username, String email, String password, String displayName, boolean admin, boolean bot) {

    public static NewUser regular(String username, String email, String password) {
        return new NewUser(username, email, password, null, false, false);
    }

    @Override
    public String toString() {
        return "NewUser[" + username + ", admin=" + admin + ", bot=" + bot + "]";
    }
}
