package io.portus.account;

import io.portus.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing, validation and the compact form of token scopes and expiries. */
class TokenScopeTest {

    @Test
    void compactFormRoundTripsAndMergesRulesOfOneTarget() {
        TokenScope scope = TokenScope.parse(" team1:push,pull  team1/tools/app:pull team1:delete ");
        assertThat(scope.format()).isEqualTo("team1:pull,push,delete team1/tools/app:pull");
        assertThat(TokenScope.parse(scope.format())).isEqualTo(scope);
        assertThat(TokenScope.parse(null)).isNull();
        assertThat(TokenScope.parse("  ")).isNull();
    }

    @Test
    void repositoryMayRepeatItsNamespace() {
        assertThat(ScopeRule.of("team1", "team1/app", List.of("PULL")).target()).isEqualTo("team1/app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Team1:pull", "team1", "team1:", "team1:fork", "team1/App:pull", "team1/:pull", "-x:pull",
            "team1/a//b:pull", ":pull", "portus_global/../x:pull"})
    void badScopesSayWhatIsWrong(String compact) {
        assertThatThrownBy(() -> TokenScope.parse(compact)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsKey("scopes"));
    }

    @Test
    void atMostTwentyRules() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append("ns").append(i).append(":pull ");
        }
        assertThatThrownBy(() -> TokenScope.parse(many.toString())).hasMessageContaining("at most 20");
        assertThatThrownBy(() -> new TokenScope(List.of())).hasMessageContaining("at least one");
    }

    @Test
    void expiryFromADateATimeOrDays() {
        assertThat(TokenOptions.expiry("2030-01-31", null)).isEqualTo(Instant.parse("2030-02-01T00:00:00Z"));
        assertThat(TokenOptions.expiry("2030-01-31T10:00:00+02:00", "")).isEqualTo(Instant.parse("2030-01-31T08:00:00Z"));
        assertThat(TokenOptions.expiry(null, "7")).isBetween(Instant.now().plusSeconds(7 * 86_400 - 5),
                Instant.now().plusSeconds(7 * 86_400 + 5));
        assertThat(TokenOptions.expiry(null, null)).isNull();
        assertThatThrownBy(() -> TokenOptions.expiry("tomorrow", null)).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> TokenOptions.expiry(null, "0")).hasMessageContaining("between 1 and 3650");
        assertThatThrownBy(() -> TokenOptions.expiry(null, "x")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> TokenOptions.expiry("2030-01-01", "3")).hasMessageContaining("not both");
    }
}
