package io.portus.account;

/** A partial update of a user: null fields are left as they are. */
public record UserUpdate(String username, String email, String password, String displayName) {

    @Override
    public String toString() {
        return "UserUpdate[" + username + "]";
    }
}
