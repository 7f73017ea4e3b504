package io.portus;

import io.portus.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Portus for the JVM: the Portus authorization service and UI together with a built-in OCI
 * registry, in one process. See docs/architecture.md for the module map.
 *
 * <p>{@code @SpringBootApplication} spelled out, to leave out of the scan the configurations of the management
 * server's own context ({@link ManagementContextConfiguration}, imported there by Spring Boot).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ManagementContextConfiguration.class)})
@ConfigurationPropertiesScan
public class Application {

    /** The JDK's setting for how many carrier threads run the virtual threads (default: one per core). */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    public static void main(String[] args) {
        if (Cli.isVerb(args)) {
            System.exit(Cli.run(args));
        }
        carriers(Runtime.getRuntime().availableProcessors());
        SpringApplication.run(Application.class, args);
    }

    /**
     * Two carrier threads per core unless the operator set {@value #CARRIERS}. A virtual thread keeps its
     * carrier until it blocks, so with one carrier per core a few CPU-bound requests (an RSA signature,
     * a bcrypt check) or threads woken from a carrier's own queue left other connections waiting for
     * hundreds of milliseconds when the cores were saturated; with two, the operating system shares the
     * cores among them. Measured on 2 cores at 64 connections (3 × 8-10 s after warm-up): token requests
     * p99 0.3-1.2 s with wrk timeouts → 36-54 ms; manifest GET p99 32-78 ms → 21-30 ms; token throughput
     * 10-20 % lower. Must run before the first virtual thread exists.
     */
    static void carriers(int cores) {
        if (System.getProperty(CARRIERS) == null) {
            System.setProperty(CARRIERS, Integer.toString(2 * Math.max(1, cores)));
        }
    }
}
