package io.portus.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The OpenAPI document of {@code /api} (springdoc, served at {@code /api/openapi-spec} as Portus serves its
 * grape-swagger document, committed as docs/openapi.json): the {@code Portus-Auth} header as the security scheme,
 * a relative server and the API version so the document does not depend on where it was generated, and
 * {@link OpenApiOperations} for what the handlers' signatures do not say (parameters, paging, error bodies).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String SCHEME = "api_key";

    static {
        // the caller and the Grape-like parameter bag are not request parameters of their own
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApiParams.class).addAnnotationsToIgnore(ApiActor.class);
    }

    @Bean
    OpenAPI portusOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Portus API").version("v1")
                        .description("Portus's REST API (/api/v1, /api/version) as this server implements it; "
                                + "authenticate with the Portus-Auth header, <username>:<application token>."))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("Portus-Auth")));
    }

    @Bean
    GlobalOperationCustomizer portusOperations() {
        return new OpenApiOperations();
    }

    @Bean
    SnakeCaseModels snakeCaseModels() {
        return new SnakeCaseModels();
    }

    @Bean
    GlobalOpenApiCustomizer portusSchemas() {
        return OpenApiOperations::addSchemas;
    }
}
