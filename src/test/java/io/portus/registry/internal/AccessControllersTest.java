package io.portus.registry.internal;

import java.util.List;
import java.util.Map;

import io.portus.registry.AccessController;
import io.portus.registry.OpenAccessController;
import io.portus.registry.RegistryProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessControllersTest {

    private static RegistryProperties props(String auth) {
        return new RegistryProperties(auth, new RegistryProperties.Storage("/tmp", true, new RegistryProperties.Redirect(false)), null, 4194304, "");
    }

    private static AccessControllers controllers(String auth, Map<String, Object> beans) {
        return new AccessControllers(new StaticListableBeanFactory(beans).getBeanProvider(AccessController.class), props(auth));
    }

    @Test
    void tokenModeWithoutTheTokenServiceStopsStartUpWithOneLine() {
        AccessControllers controllers = controllers("token", Map.of("open", new OpenAccessController()));
        assertThatThrownBy(controllers::afterSingletonsInstantiated)
                .isInstanceOfSatisfying(RegistryStartupException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("PORTUS_REGISTRY_AUTH=token needs the token service;"
                            + " set PORTUS_REGISTRY_AUTH=none for an open registry");
                    FailureAnalysis analysis = new RegistryStartupFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).isEqualTo(e.getMessage());
                    assertThat(analysis.getDescription()).doesNotContain("\n");
                });
    }

    @Test
    void tokenModeUsesTheTokenServicesController() {
        AccessController token = (authorization, required) -> new AccessController.Granted("bob");
        AccessController chosen = controllers("token", Map.of("open", new OpenAccessController(), "token", token)).get();
        assertThat(chosen).isSameAs(token);
    }

    @Test
    void noneModeIsOpenEvenWhenATokenControllerExists() {
        AccessController token = (authorization, required) -> new AccessController.Granted("bob");
        AccessController chosen = controllers("NONE", Map.of("token", token)).get();
        assertThat(chosen).isInstanceOf(OpenAccessController.class);
        assertThat(chosen.authorize(null, List.of())).isEqualTo(new AccessController.Granted(""));
    }

    @Test
    void anUnknownModeIsNamed() {
        assertThatThrownBy(() -> controllers("ldap", Map.of()).afterSingletonsInstantiated())
                .isInstanceOf(RegistryStartupException.class)
                .hasMessage("portus.registry.auth (PORTUS_REGISTRY_AUTH) must be token or none, not 'ldap'");
    }
}
