package io.portus.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @Test
    void aWordIsAVerbAndAnOptionStartsTheServer() {
        assertThat(Cli.isVerb(new String[] {"get", "users"})).isTrue();
        assertThat(Cli.isVerb(new String[] {"--server.port=5001"})).isFalse();
        assertThat(Cli.isVerb(new String[0])).isFalse();
    }

    @Test
    void anUnknownVerbIsAUsageError() {
        assertThat(Cli.run("no-such-verb")).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("--help")).isEqualTo(ExitCodes.OK);
    }
}
