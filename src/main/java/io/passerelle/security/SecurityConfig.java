package io.passerelle.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.passerelle.security.ui.LoginView;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /** bcrypt today, and any stored {id}hash of an older or newer scheme keeps working. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(PasserelleUserDetailsService userDetails, PasswordEncoder encoder,
            LoginThrottle throttle) {
        var passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(encoder);
        var manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** Actuator: health status is public (for load balancers); details, metrics and the rest need ADMIN. */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, AuthenticationManager authenticationManager)
            throws Exception {
        // By path, not by endpoint: an endpoint that is switched off still never falls through to the UI chain.
        return http.securityMatcher("/actuator/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(AppRole.ADMIN_NAME))
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                // a machine client gets 401 + WWW-Authenticate, never a redirect to the login page
                .exceptionHandling(e -> e.authenticationEntryPoint(basicEntryPoint()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Sets the status instead of sendError: an error dispatch would reach the UI chain and redirect to /login. */
    private static AuthenticationEntryPoint basicEntryPoint() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Passerelle\", charset=\"UTF-8\"");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        };
    }

    /**
     * The people's UI. Headers: the content security policy Vaadin works under (its client engine needs inline and
     * eval'd scripts and inline styles, see the Vaadin docs; everything else is same-origin only), HSTS on HTTPS
     * requests, no framing, no referrer beyond the origin.
     */
    @Bean
    @Order(10)
    SecurityFilterChain vaadinSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
            SessionRegistry sessionRegistry, SessionLifetimeSettings sessions, Clock clock,
            @Value("${passerelle.security.content-security-policy}") String contentSecurityPolicy) throws Exception {
        http.authenticationManager(authenticationManager)
                .addFilterBefore(new AbsoluteSessionLifetimeFilter(sessions.absoluteLifetime(), clock),
                        SecurityContextHolderFilter.class)
                .headers(headers -> {
                    // Eagerly: Vaadin commits its pages on the container's response, past the lazy writer.
                    headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                        @Override
                        public <F extends HeaderWriterFilter> F postProcess(F filter) {
                            filter.setShouldWriteHeadersEagerly(true);
                            return filter;
                        }
                    });
                    headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                            .httpStrictTransportSecurity(hsts -> hsts
                                    .maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                                    .includeSubDomains(true))
                            .frameOptions(frames -> frames.deny())
                            .referrerPolicy(referrer -> referrer.policy(
                                    ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
                })
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId())
                        .maximumSessions(-1)
                        .sessionRegistry(sessionRegistry));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
