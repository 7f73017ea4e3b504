package io.portus.cli;

import io.portus.account.User;
import io.portus.common.DbTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code make-admin USERNAME}: the way back in when no administrator can sign in (all demoted, locked out or
 * disabled). Works on the database directly, with or without the server running: the user becomes an enabled,
 * unlocked administrator; the password is left as it is.
 */
@Command(name = "make-admin", mixinStandardHelpOptions = true, description = {
        "Make a user an administrator (and enable and unlock it), directly in the database.",
        "For recovery when no administrator can sign in; the server may be running or not."})
final class MakeAdminVerb implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    public Integer call() {
        if (User.PORTUS.equals(username)) {
            throw new CliFailure(ExitCodes.INVALID, "'portus' is the hidden internal user and cannot sign in");
        }
        try (DatabaseContext db = settings.openDatabase()) {
            int updated = db.jdbc().sql("UPDATE users SET admin = TRUE, enabled = TRUE, failed_attempts = 0, "
                            + "locked_until = NULL, updated_at = :now WHERE username = :username AND bot = FALSE")
                    .param("username", username).param("now", DbTime.toDb(DbTime.now())).update();
            if (updated == 0) {
                boolean exists = db.jdbc().sql("SELECT COUNT(*) FROM users WHERE username = :username")
                        .param("username", username).query(Long.class).single() > 0;
                throw exists ? new CliFailure(ExitCodes.INVALID, username + " is a bot and cannot be an administrator")
                        : new CliFailure(ExitCodes.NOT_FOUND, "no user " + username);
            }
        }
        System.err.println(username + " is now an enabled, unlocked administrator");
        return ExitCodes.OK;
    }
}
