package io.passerelle.partnerapi;

import io.passerelle.connection.ConnectionService;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The partner API's own security: stateless, no session, no CSRF (no browser, no cookie), no login page. Every
 * request but the OpenAPI document and its page authenticates as a POS connection.
 */
@Configuration
class PartnerApiSecurity {

    static final String BASE = "/api/partner/v1";
    static final String OPENAPI_PATH = BASE + "/openapi.json";
    /** The readable page (Swagger UI); outside the versioned base, whose unknown paths are problems. */
    static final String DOCS_PATH = "/api/partner/docs";
    static final String DOCS_ASSETS = "/api/partner/swagger-ui";

    @Bean
    @Order(2)
    SecurityFilterChain partnerApiFilterChain(HttpSecurity http, ConnectionService connections,
            AuthenticationThrottle throttle, CredentialCache credentialCache, ObjectProvider<SecurityContextHolderStrategy> strategies)
            throws Exception {
        SecurityContextHolderStrategy securityContexts =
                strategies.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
        List<String> publicPaths = List.of(OPENAPI_PATH, DOCS_PATH, DOCS_ASSETS);
        var filter = new PosAuthenticationFilter(connections, credentialCache, throttle, securityContexts,
                publicPaths);
        return http.securityMatcher("/api/partner/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(OPENAPI_PATH, OPENAPI_PATH + "/**", DOCS_PATH, DOCS_ASSETS + "/**").permitAll()
                        .anyRequest().hasAuthority(PosAuthenticationFilter.ROLE_POS))
                .addFilterBefore(new ProblemOnSendErrorFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(filter, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, exception) -> ProblemWriter.write(response,
                                Problem.unauthorized("Authentication required")))
                        .accessDeniedHandler((request, response, exception) -> ProblemWriter.write(response,
                                Problem.of(403, "forbidden", "Forbidden", "Not allowed for this connection"))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .requestCache(cache -> cache.disable())
                // a till signs every call and never logs out, calls a servlet API for its user, or is anonymous:
                // three filters fewer on each of its calls
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable())
                .anonymous(anonymous -> anonymous.disable())
                .build();
    }
}
