package io.portus.registry.internal;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.portus.registry.AccessController;
import io.portus.registry.OpenAccessController;
import io.portus.registry.PushRules;
import io.portus.registry.RegistryProperties;
import io.portus.registry.event.RegistryEventJournal;
import io.portus.registry.event.RegistryEventListener;
import io.portus.storage.RegistryStorage;
import io.portus.storage.StorageHealth;
import io.portus.storage.StorageUnavailableException;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.Host;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the registry: filter on {@code /v2/*}, error pages of refused {@code /v2/} requests, handlers, access control, events, metrics, debug server.
 * (Upload sessions are purged by the storage module's {@code StorageConfiguration}.)
 */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    /** Events waiting for listeners before new ones are dropped. */
    private static final int EVENT_QUEUE = 10_000;
    private static final int MANIFEST_CACHE = 10_000;

    @Bean
    @ConditionalOnProperty(name = "portus.registry.auth", havingValue = "none")
    OpenAccessController openAccessController() {
        return new OpenAccessController();
    }

    @Bean
    AccessControllers registryAccessControllers(ObjectProvider<AccessController> candidates, RegistryProperties properties) {
        return new AccessControllers(candidates, properties);
    }

    @Bean
    RegistryMetrics registryMetrics(MeterRegistry meterRegistry) {
        return new RegistryMetrics(meterRegistry);
    }

    @Bean
    AsyncEventDispatcher registryEventDispatcher(ObjectProvider<RegistryEventListener> listeners,
                                                 ObjectProvider<RegistryEventJournal> journals, RegistryMetrics metrics) {
        return new AsyncEventDispatcher(EVENT_QUEUE, listeners, journals, metrics);
    }

    @Bean
    Events registryEvents(AsyncEventDispatcher eventDispatcher) {
        return new Events(eventDispatcher);
    }

    /** The registry's deletes, for the DELETE handler and, as {@link io.portus.registry.ManifestDeletes}, for others. */
    @Bean
    StorageDeletes registryManifestDeletes(RegistryStorage storage, Events events, RegistryProperties properties,
                                           ObjectProvider<PushRules> rules) {
        return new StorageDeletes(storage, events, properties.storage().deleteEnabled(), rules(rules));
    }

    @Bean
    ManifestCache registryManifestCache() {
        return new ManifestCache(MANIFEST_CACHE);
    }

    /**
     * What manifests count for {@link PushRules}; as {@link io.portus.registry.ManifestContents} for recounts, which
     * read without the collector's guard ({@link RegistryStorage#unguarded}).
     */
    @Bean
    Counted registryManifestContents(RegistryStorage storage, ManifestCache registryManifestCache) {
        return new Counted(storage.unguarded(), registryManifestCache);
    }

    /** The {@link PushRules} bean when there is one (immutable tags, quotas), else {@link PushRules#NONE}. */
    private static Supplier<PushRules> rules(ObjectProvider<PushRules> rules) {
        return () -> rules.getIfAvailable(() -> PushRules.NONE);
    }

    @Bean
    RegistryDispatcher registryDispatcher(RegistryStorage storage, RegistryProperties properties,
                                          AccessControllers accessControllers, Events events,
                                          StorageDeletes manifestDeletes, RegistryMetrics metrics, ManifestCache cache,
                                          ObjectProvider<PushRules> rules) {
        UploadBodies bodies = new UploadBodies(storage);
        boolean deletes = properties.storage().deleteEnabled();
        ManifestPut put = new ManifestPut(storage, cache, events, properties.manifestMaxBytes(), rules(rules));
        Map<Route.Kind, Handler> handlers = Map.of(
                Route.Kind.BASE, new BaseHandler(),
                Route.Kind.CATALOG, new CatalogHandler(storage),
                Route.Kind.TAGS, new TagsHandler(storage),
                Route.Kind.MANIFEST, new ManifestHandler(storage, cache, events, put, manifestDeletes),
                Route.Kind.BLOB, new BlobHandler(storage, events, deletes, !properties.storage().redirect().disable()),
                Route.Kind.UPLOAD_START, new UploadStartHandler(storage, events, bodies),
                Route.Kind.UPLOAD, new UploadHandler(storage, events, bodies),
                Route.Kind.REFERRERS, new ReferrersHandler(storage, cache));
        return new RegistryDispatcher(accessControllers, handlers, metrics);
    }

    /** After Spring Security's filter chain (order -100), before nothing that reads bodies. */
    @Bean
    FilterRegistrationBean<RegistryFilter> registryFilter(ObjectProvider<RegistryDispatcher> dispatcher) {
        FilterRegistrationBean<RegistryFilter> registration = new FilterRegistrationBean<>(
                new RegistryFilter(dispatcher::getObject));
        registration.addUrlPatterns("/v2/*");
        registration.setOrder(0);
        registration.setName("registryFilter");
        return registration;
    }

    /**
     * Requests Tomcat refuses before any filter runs get their error page from the host's error report valve:
     * under {@code /v2/} it answers in the registry's error envelope. Runs after Spring Boot's own customizer,
     * whose valve it replaces.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> registryErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof Host host) {
                RegistryErrorReportValve.install(host);
            }
        });
    }

    /** The envelope on the error page of {@code /v2/} requests that Tomcat put in error (ERROR dispatch only). */
    @Bean
    FilterRegistrationBean<RegistryErrorPageFilter> registryErrorPageFilter() {
        FilterRegistrationBean<RegistryErrorPageFilter> registration = new FilterRegistrationBean<>(new RegistryErrorPageFilter());
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(0);
        registration.setName("registryErrorPageFilter");
        return registration;
    }

    @Bean
    RegistryFormContentFilter registryFormContentFilter() {
        return new RegistryFormContentFilter();
    }

    @Bean
    @ConditionalOnExpression("'${portus.registry.debug-addr:}' != ''")
    DebugServer registryDebugServer(RegistryProperties properties, RegistryStorage storage,
                                    ObjectProvider<StorageHealth> storageHealth, RegistryMetrics metrics) {
        Callable<?> check = () -> {
            StorageHealth health = storageHealth.getIfUnique();
            if (health == null) {
                return storage.repositories(null, 1);
            }
            StorageHealth.Status status = health.check();
            if (!status.up()) {
                throw new StorageUnavailableException(status.message(), null);
            }
            return status;
        };
        return new DebugServer(properties.debugAddr().strip(), check, new DebugVars(metrics));
    }
}
