package io.portus.api;

import io.portus.account.ApplicationTokenService;
import io.portus.auth.throttle.AuthThrottle;
import io.portus.common.PaginationProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Registers the API's argument resolvers and Portus's CORS headers on every {@code /api} response. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    private final ApplicationTokenService tokens;
    private final AuthThrottle throttle;
    private final JsonMapper json;
    private final PaginationProperties pagination;

    ApiWebConfiguration(ApplicationTokenService tokens, AuthThrottle throttle, JsonMapper json,
                        PaginationProperties pagination) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.json = json;
        this.pagination = pagination;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ApiActorResolver(tokens, throttle));
        resolvers.add(new ApiParamsResolver(json, Math.clamp(pagination.perPage(), 1, 1000)));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader("Access-Control-Allow-Origin", "*");
                response.setHeader("Access-Control-Request-Method", "*");
                response.setHeader("Access-Control-Allow-Headers", "Content-Type, api_key, Authorization, portus-auth");
                return true;
            }
        }).addPathPatterns("/api/**");
    }
}
