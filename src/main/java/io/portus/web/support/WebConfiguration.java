package io.portus.web.support;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Registers the {@link PageInterceptor} (and {@link MissingEmailInterceptor}) on UI paths (not on {@code /api}, {@code /v2}, {@code /actuator}). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final PageInterceptor pages;

    WebConfiguration(PageInterceptor pages) {
        this.pages = pages;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(pages)
                .excludePathPatterns("/api/**", "/v2/**", "/actuator/**", "/webjars/**", "/assets/**");
        registry.addInterceptor(new MissingEmailInterceptor())
                .excludePathPatterns("/api/**", "/v2/**", "/actuator/**", "/webjars/**", "/assets/**");
    }
}
