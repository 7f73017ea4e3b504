package io.portus.web.security;

import io.portus.account.ApplicationTokenService;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.auth.authn.CredentialsAuthenticator;
import io.portus.auth.throttle.AuthThrottle;
import io.portus.web.oauth.ProviderLogin;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two chains. The machine surfaces ({@code /v2} registry, token endpoint and event intake; {@code /api};
 * {@code /actuator}) authenticate themselves: their chain adds nothing (no session, CSRF, headers, challenge
 * or form parsing) but the admin check of {@code /actuator} ({@link ActuatorAccessFilter}). Registry routes do
 * not even reach it: {@code spring.security.filter.order} puts Spring Security after the registry filter.
 * Everything else is the UI: form sign-in (under the address throttle, {@link ThrottledSignIn}) and the
 * providers' sign-in ({@link ProviderLogin}: OpenID Connect, GitHub, GitLab, Google, Bitbucket), CSRF on every
 * form, the current user re-read on each request, strict security headers; Swagger UI for admins only.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration {

    static final String[] MACHINE_PATHS = {"/v2", "/v2/**", "/api", "/api/**", "/actuator", "/actuator/**"};
    /** Swagger UI (springdoc): signed-in admins only; others are sent to sign in, or get 403. */
    static final String[] SWAGGER_UI = {"/swagger-ui.html", "/swagger-ui/**"};
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The only authentication provider, used by the global AuthenticationManager (its presence also keeps Boot
     * from creating an in-memory user). It is not added to the chain as well: the chain's manager would try
     * it, then its parent again, and count each failed sign-in twice.
     */
    @Bean
    UiAuthenticationProvider uiAuthenticationProvider(CredentialsAuthenticator authenticator, UserService users) {
        return new UiAuthenticationProvider(authenticator, users);
    }

    @Bean
    @Order(1)
    SecurityFilterChain machineSurfaces(HttpSecurity http, UserService users, ApplicationTokenService tokens,
                                        AuthThrottle throttle, Environment environment) throws Exception {
        http.securityMatcher(MACHINE_PATHS)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .addFilterBefore(new ActuatorAccessFilter(users, tokens, throttle, environment), AuthorizationFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http, UserService users, AuthThrottle throttle, ProviderLogin providers)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/error", "/webjars/**", "/assets/**", "/favicon.ico").permitAll()
                        .requestMatchers("/", "/users/sign_in", "/users/sign_up", ThrottledSignIn.PATH).permitAll()
                        .requestMatchers("/users/password", "/users/password/**").permitAll()
                        .requestMatchers(ProviderLogin.PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/explore", "/explore/**", "/repositories/*", "/repositories/*/tags/*").permitAll()
                        .requestMatchers(SWAGGER_UI).access((auth, context) -> new AuthorizationDecision(
                                CurrentUser.of(context.getRequest()).map(User::admin).orElse(false)))
                        .anyRequest().authenticated())
                .addFilterBefore(new CurrentUserFilter(users), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new ThrottledSignIn(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/users/sign_in")
                        .loginProcessingUrl("/users/sign_in")
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new SignInFailureHandler(throttle)))
                .logout(l -> l.logoutUrl("/users/sign_out").logoutSuccessUrl("/users/sign_in?signed_out"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        providers.configure(http);
        return http.build();
    }
}
