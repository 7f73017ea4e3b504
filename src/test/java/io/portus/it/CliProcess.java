package io.portus.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/portus.jar <verb> …} as a real process, with an environment of its own (no
 * {@code PORTUSCTL_*} or {@code PORTUS_*} inherited from the test's), its exit code and both outputs.
 */
final class CliProcess {

    /** A finished run. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    private CliProcess() {
    }

    static Result run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(PortusProcess.javaExecutable(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", ItPaths.jar().toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(ItPaths.target(), "cli", ".out");
            Path err = Files.createTempFile(ItPaths.target(), "cli", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("PORTUS") || k.startsWith("MARIADB"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("portus " + String.join(" ", args) + " did not end within 180 s");
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new AssertionError("cannot run portus " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
