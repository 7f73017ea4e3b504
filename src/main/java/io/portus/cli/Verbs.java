package io.portus.cli;

import java.util.List;

/** Every verb of the CLI, in the order {@code --help} lists them; one line per verb. */
final class Verbs {

    private Verbs() {
    }

    static List<Object> all() {
        return List.of(
                new GetVerb(),
                new CreateVerb(),
                new UpdateVerb(),
                new DeleteVerb(),
                new BootstrapVerb(),
                new ValidateVerb(),
                new HealthVerb(),
                new VersionVerb(),
                new MakeAdminVerb(),
                new InfoVerb(),
                new RotateKeyVerb(),
                new GcVerb(),
                new ImportPortusCommand()
        );
    }
}
