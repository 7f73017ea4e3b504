package io.portus.auth.token;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the search for the generated token signing key ({@link KeyPrefetch}) as soon as the settings are known,
 * when no key is configured and none was generated yet: on a first start, before any bean exists. Only for the
 * server (a web application): the operator CLI's contexts ({@code WebApplicationType.NONE}) make no token key.
 */
final class SigningKeyPrefetch implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (application != null && application.getWebApplicationType() == WebApplicationType.NONE) {
            return;
        }
        SigningKeyLoader.Sources sources = SigningKeyLoader.Sources.of(environment);
        if (sources.generated()) {
            KeyPrefetch.start(sources.generateDir());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
