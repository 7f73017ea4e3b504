package io.portus.ops;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Request ids and the access log on the management server too, when {@code MANAGEMENT_SERVER_PORT} gives the
 * actuator a port of its own: that server is a child context with a Tomcat of its own, which the main context's
 * customizers never reach. Listed in
 * {@code META-INF/spring/org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration.imports};
 * never component-scanned ({@code io.portus.Application} excludes these classes), or the main server would get
 * its valves twice.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementOpsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementRequestIdsAndAccessLog(AccessLogProperties accessLog) {
        return OpsConfiguration.valves(accessLog);
    }
}
