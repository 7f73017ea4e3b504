package io.portus.ops;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Request ids on every request and, when switched on, the access log: both as valves of Tomcat's engine. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessLogProperties.class)
class OpsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestIdsAndAccessLog(AccessLogProperties accessLog) {
        return valves(accessLog);
    }

    /** The valves of a Tomcat: this server's, and the management server's ({@link ManagementOpsConfiguration}). */
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> valves(AccessLogProperties accessLog) {
        return factory -> {
            factory.addEngineValves(new RequestIdValve());
            if (accessLog.on()) {
                factory.addEngineValves(new AccessLogValve());
            }
        };
    }
}
