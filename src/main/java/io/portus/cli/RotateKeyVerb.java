package io.portus.cli;

import io.portus.auth.token.KeyRotation;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code rotate-key}: a new token signing key without logging anyone out ({@link KeyRotation}); {@code --retire}
 * ends the rotation, {@code --status} shows where it stands. Works on the files the server reads at start-up,
 * so the server is restarted afterwards (every instance, when several share the key).
 */
@Command(name = "rotate-key", mixinStandardHelpOptions = true, description = {
        "Replace the token signing key, keeping the previous certificate trusted until --retire.",
        "Steps: rotate-key; restart the server (and add both certificates to external registries'",
        "rootcertbundle); after portus.token.lifetime: rotate-key --retire; restart again."})
final class RotateKeyVerb implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Option(names = "--retire", description = "End a rotation: stop trusting the previous key (at the next restart)")
    boolean retire;

    @Option(names = "--status", description = "Only show the key in use and the previous one, if any")
    boolean status;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "Output: ${COMPLETION-CANDIDATES}")
    Format format;

    @Override
    public Integer call() {
        if (retire && status) {
            throw CliFailure.usage("--retire and --status do not go together");
        }
        ObjectNode result = ApiClient.JSON.createObjectNode();
        try (ConfigurableApplicationContext context = settings.openSettings()) {
            if (status) {
                var state = KeyRotation.state(context.getEnvironment());
                result.put("kid", state.kid()).put("source", state.source())
                        .put("certificate", String.valueOf(state.certificate()))
                        .put("previous_certificate", state.previousCertificate().map(String::valueOf).orElse(null))
                        .put("previous_kid", state.previousKid().orElse(null));
            } else if (retire) {
                var retired = KeyRotation.retire(context.getEnvironment());
                if (retired.isEmpty()) {
                    throw new CliFailure(ExitCodes.NOT_FOUND, "no rotation under way: there is no previous certificate");
                }
                result.put("retired", retired.get().toString());
                note("Removed " + retired.get() + ". Restart the server: tokens signed by the previous key are refused from then on;"
                        + " remove its certificate from external registries' rootcertbundle.");
            } else {
                var rotated = KeyRotation.rotate(context.getEnvironment());
                result.put("key", rotated.key().toString()).put("certificate", rotated.certificate().toString())
                        .put("previous_certificate", rotated.previousCertificate().toString())
                        .put("previous_kid", rotated.previousKid()).put("kid", rotated.newKid());
                note("New signing key " + rotated.newKid() + " in " + rotated.key() + " (certificate " + rotated.certificate()
                        + "); the previous key " + rotated.previousKid() + " stays trusted through " + rotated.previousCertificate()
                        + ".\nNext: restart the server; give external registries both certificates as rootcertbundle;"
                        + " after portus.token.lifetime, run rotate-key --retire and restart again.");
            }
        } catch (RuntimeException e) {
            if (e instanceof CliFailure failure) {
                throw failure;
            }
            throw new CliFailure(ExitCodes.FAILED, Settings.rootMessage(e));
        }
        if (format != Format.table || status) {
            new Printer(format == Format.table ? Format.yaml : format, Cli.out()).print(result, List.of());
        }
        return ExitCodes.OK;
    }

    /** People read what to do next on stderr; stdout keeps the result for scripts. */
    private static void note(String text) {
        System.err.println(text);
    }
}
