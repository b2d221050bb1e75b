package org.mandate.access;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What is public stays public: the registry of localities (published data) as pages and API,
 * the OpenAPI document, health, and the sign-in page (a unit's calendar feed, under the registry's
 * paths, is not: it answers 401 with what to do). Everything else needs a signed-in session
 * (form sign-in, sessions kept in PostgreSQL by Spring Session) or an API token
 * ({@code Authorization: Bearer}). CSRF tokens are required of every change made with a session
 * cookie; requests carrying a bearer token, or API calls with no session cookie, are exempt,
 * since a browser adds neither by itself. Scope is not decided here but in {@link Scopes}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain security(HttpSecurity http, ApiTokens tokens, Users users) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = paths.matcher("/api/**");
        // under the public /api/units/**, but a unit's calendar feed is held to the reader's scope
        RequestMatcher feed = paths.matcher(HttpMethod.GET, "/api/units/*/calendar.ics");
        http.authorizeHttpRequests(requests -> requests.requestMatchers(feed)
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/",
                                "/units",
                                "/units/**",
                                "/api/units",
                                "/api/units/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/actuator/health")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/references/extract")
                        .permitAll()
                        .requestMatchers("/login", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        BearerTokenFilter::carriesToken, r -> api.matches(r) && !carriesSessionCookie(r)))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                (request, response, e) -> BearerTokenFilter.unauthorized(
                                        response,
                                        "A calendar feed needs a sign-in: add ?token= with a calendar feed token (account page)"),
                                feed)
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
                .addFilterBefore(new BearerTokenFilter(tokens, users, feed), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(users), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * An API call without a session cookie cannot ride on a browser's session, so it needs no CSRF
     * token; it is anonymous unless it carries a bearer token, and then answers 401, not 403.
     */
    private static boolean carriesSessionCookie(jakarta.servlet.http.HttpServletRequest request) {
        var cookies = request.getCookies();
        return cookies != null
                && java.util.Arrays.stream(cookies).anyMatch(c -> c.getName().equals("SESSION"));
    }

    /**
     * bcrypt at cost 10, Spring Security's default: within the sign-in's hashing budget (300 ms) on
     * a loaded 2-core machine, where cost 11 is not ({@code ./mandate bench access}, figures in
     * docs/BENCHMARKS.md). Stored hashes carry their algorithm and cost, so either can change later
     * without invalidating existing passwords.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", java.util.Map.of("bcrypt", new BCryptPasswordEncoder(10)));
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(
            org.springframework.context.ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }
}
