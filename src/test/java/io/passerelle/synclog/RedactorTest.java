package io.passerelle.synclog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the log keeps of a payload: every secret masked, whatever the case of the name that gives it away, and a
 * payload without one kept as it came (the redactor looks for a tell-tale word before it runs its patterns).
 */
class RedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"token":"tok_live_123","partySize":4}            | {"token":"***","partySize":4}
            {"X_Auth_TOKEN" : "tok_live_123"}                  | {"X_Auth_TOKEN" : "***"}
            {"apiKey":"k-123","id":"r_1"}                      | {"apiKey":"***","id":"r_1"}
            {"Client-Secret":12345}                            | {"Client-Secret":"***"}
            webhook-Signature: v1,abc=                         | webhook-Signature: ***
            AUTHORIZATION: Basic dXNlcjpwYXNz                  | AUTHORIZATION: ***
            not json: BEARER abc.def                           | not json: BEARER ***
            signed with whsec_c2VjcmV0 then                    | signed with *** then
            key pk_live_0123456789abcdefXYZ here               | key *** here
            """)
    void masksEverySecretWhateverTheCaseOfItsName(String payload, String kept) {
        assertThat(Redactor.redact(payload)).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"reservation.upserted\",\"restaurantId\":1042,\"reservation\":{\"id\":\"r_2k\",\"version\":3,"
                + "\"status\":\"CONFIRMED\",\"partySize\":4,\"notes\":\"Window seat, \\\"quiet\\\"\"}}",
        "{\"received\":true}",
        "Tokyo, Secretariat and Basilica are no secrets"
    })
    void keepsAPayloadWithoutSecretsAsItCame(String payload) {
        assertThat(Redactor.redact(payload)).isEqualTo(payload);
    }
}
