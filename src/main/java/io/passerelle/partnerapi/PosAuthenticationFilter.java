package io.passerelle.partnerapi;

import io.passerelle.connection.AuthenticatedConnection;
import io.passerelle.connection.ConnectionService;
import io.passerelle.partner.PosVersion;
import io.passerelle.shared.database.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every partner API request by either style of PROTOCOL.md: HTTP Basic (restaurant public ID + API
 * key) or Bearer token + {@code X-Restaurant-Id}. The principal is the {@link AuthenticatedConnection}; the
 * restaurant comes only from it, so one restaurant's credential never reaches another's data. Failures are counted
 * per source address and per restaurant ({@link AuthenticationThrottle}): past its limits a source is refused
 * unchecked; a restaurant past its limit still lets the right credential in, and answers a wrong one 429.
 */
class PosAuthenticationFilter extends OncePerRequestFilter {

    /** Request attribute holding the {@link AuthenticatedConnection}, for the controller. */
    static final String CONNECTION = "io.passerelle.partnerapi.connection";
    static final String RESTAURANT_ID_HEADER = "X-Restaurant-Id";
    static final String POS_VERSION_HEADER = "X-Pos-Version";
    static final String ROLE_POS = "ROLE_POS";

    private static final Logger log = LoggerFactory.getLogger(PosAuthenticationFilter.class);

    private final ConnectionService connections;
    private final CredentialCache credentialCache;
    private final AuthenticationThrottle throttle;
    private final SecurityContextHolderStrategy securityContexts;
    private final List<String> publicPaths;

    PosAuthenticationFilter(ConnectionService connections, CredentialCache credentialCache,
            AuthenticationThrottle throttle,
            SecurityContextHolderStrategy securityContexts, List<String> publicPaths) {
        this.connections = connections;
        this.credentialCache = credentialCache;
        this.throttle = throttle;
        this.securityContexts = securityContexts;
        this.publicPaths = publicPaths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return publicPaths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Credentials credentials;
        try {
            credentials = Credentials.of(request);
        } catch (PartnerApiException unreadable) {
            fail(request, response, null, unreadable.problem());
            return;
        }
        String source = request.getRemoteAddr();
        Optional<Duration> sourceBlocked = throttle.sourceBlockedFor(source, credentials.publicId());
        if (sourceBlocked.isPresent()) {
            // debug: a blocked source may keep knocking, and each knock would be a line
            log.debug("Partner API request from {} refused: too many failed authentications", source);
            ProblemWriter.write(response, tooManyFailures(sourceBlocked.get()));
            return;
        }
        // A restaurant blocked by others' failures is still checked: its own till must get in.
        Optional<Duration> restaurantBlocked = credentials.publicId() == null ? Optional.empty()
                : throttle.restaurantBlockedFor(credentials.publicId());
        Optional<AuthenticatedConnection> connection;
        try {
            connection = credentials.publicId() == null ? Optional.empty()
                    : credentialCache.authenticate(credentials.publicId(), credentials.bearer(), credentials.secret(),
                            () -> credentials.bearer()
                                    ? connections.authenticateToken(credentials.publicId(), credentials.secret())
                                    : connections.authenticateApiKey(credentials.publicId(), credentials.secret()));
            connection.ifPresent(authenticated -> recordContact(request, authenticated));
        } catch (RuntimeException failure) {
            if (!DatabaseOutage.is(failure)) {
                throw failure;
            }
            // nothing was checked: neither a 401 nor a failure against the throttle
            log.warn("Partner API request from {} answered 503: the database is out of reach ({})", source,
                    failure.getMessage());
            ProblemWriter.write(response, Problem.unavailable());
            return;
        }
        if (connection.isEmpty()) {
            // the restaurant blocked: the same 429 as an unchecked refusal, whatever was wrong
            fail(request, response, credentials, restaurantBlocked.map(PosAuthenticationFilter::tooManyFailures)
                    .orElseGet(() -> Problem.unauthorized(
                            "Unknown restaurant, wrong credentials, or no enabled connection for them")));
            return;
        }
        AuthenticatedConnection authenticated = connection.get();
        request.setAttribute(CONNECTION, authenticated);
        var context = securityContexts.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(authenticated, null,
                List.of(new SimpleGrantedAuthority(ROLE_POS))));
        securityContexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            securityContexts.clearContext();
        }
    }

    private void recordContact(HttpServletRequest request, AuthenticatedConnection authenticated) {
        try {
            connections.recordPosContact(authenticated.restaurantId(), authenticated.connectionId(),
                    PosVersion.tryParse(request.getHeader(POS_VERSION_HEADER)).orElse(null));
        } catch (ConcurrencyFailureException concurrentCall) {
            // another call of the same POS recorded its contact at the same moment: that record is as good
        }
    }

    private void fail(HttpServletRequest request, HttpServletResponse response, Credentials credentials,
            Problem problem) throws IOException {
        Integer publicId = credentials == null ? null : credentials.publicId();
        // never the credentials: the restaurant as a number (anything else it named is not echoed), and the reason
        log.info("Partner API authentication refused from {} for restaurant {}: {}", request.getRemoteAddr(),
                credentials == null ? "(none)" : publicId == null ? "(not an ID)" : publicId, problem.detail());
        throttle.recordFailure(request.getRemoteAddr(), publicId);
        ProblemWriter.write(response, problem);
    }

    private static Problem tooManyFailures(Duration retryAfter) {
        return new Problem(429, "rate-limited", "Too many failed authentications",
                "Too many failed authentications from this address or for this restaurant; try again later",
                List.of(), retryAfter);
    }

    /**
     * What the request presents. {@code publicId} is the restaurant as parsed ("07" is 7), null when it is not a
     * number of at most 9 digits: such a request is refused unchecked, and counts as a failure of its source only.
     */
    private record Credentials(boolean bearer, Integer publicId, String secret) {

        /** Compiled once: {@code String.matches} compiles its pattern on every call, and a till calls many times a second. */
        private static final Pattern PUBLIC_ID = Pattern.compile("[0-9]{1,9}");

        static Credentials of(HttpServletRequest request) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization == null || authorization.isBlank()) {
                throw Problem.unauthorized("Authenticate with HTTP Basic (restaurant public ID and API key) or "
                        + "with a Bearer token and the X-Restaurant-Id header").exception();
            }
            if (startsWithIgnoreCase(authorization, "Basic ")) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                            StandardCharsets.UTF_8);
                } catch (IllegalArgumentException notBase64) {
                    throw Problem.unauthorized("The Basic credentials are not valid base64").exception();
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw Problem.unauthorized("The Basic credentials must be restaurantId:apiKey").exception();
                }
                String user = decoded.substring(0, colon);
                return new Credentials(false, parsePublicId(user), decoded.substring(colon + 1));
            }
            if (startsWithIgnoreCase(authorization, "Bearer ")) {
                String restaurant = request.getHeader(RESTAURANT_ID_HEADER);
                if (restaurant == null || restaurant.isBlank()) {
                    throw Problem.unauthorized("A Bearer token needs the X-Restaurant-Id header").exception();
                }
                return new Credentials(true, parsePublicId(restaurant.strip()),
                        authorization.substring(7).strip());
            }
            throw Problem.unauthorized("Unsupported authorization scheme: use Basic or Bearer").exception();
        }

        private static Integer parsePublicId(String text) {
            if (!PUBLIC_ID.matcher(text).matches()) {
                return null;
            }
            return Integer.valueOf(text);
        }

        private static boolean startsWithIgnoreCase(String text, String prefix) {
            return text.regionMatches(true, 0, prefix, 0, prefix.length());
        }
    }
}
