package io.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class AbsoluteSessionLifetimeFilterTest {

    private static final Duration LIFETIME = Duration.ofHours(12);

    @Test
    void aSessionYoungerThanTheLifetimeLivesOn() throws Exception {
        MockHttpSession session = new MockHttpSession();

        MockFilterChain chain = filterAt(Instant.ofEpochMilli(session.getCreationTime()).plus(LIFETIME), session);

        assertThat(session.isInvalid()).isFalse();
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void anOlderSessionEndsHoweverActiveItIs() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.access();

        MockFilterChain chain = filterAt(
                Instant.ofEpochMilli(session.getCreationTime()).plus(LIFETIME).plusSeconds(1), session);

        assertThat(session.isInvalid()).isTrue();
        assertThat(chain.getRequest()).as("the request goes on, without the session").isNotNull();
    }

    private static MockFilterChain filterAt(Instant now, MockHttpSession session) throws Exception {
        var request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        var chain = new MockFilterChain();
        new AbsoluteSessionLifetimeFilter(LIFETIME, Clock.fixed(now, ZoneOffset.UTC))
                .doFilter(request, new MockHttpServletResponse(), chain);
        return chain;
    }
}
