package io.passerelle.partner.webhook;

import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.Target;
import feign.http2client.Http2Client;
import io.passerelle.partner.PartnerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.Optional;

/**
 * What every outbound call to a POS shares: explicit connect and read timeouts, redirects never followed (a redirect
 * could lead to an address the URL check refused), no retries (they live in one layer only, the sync engine), and
 * never more of an answer in memory than it needs. Feign logs nothing: no header or body can leak a secret.
 */
final class PosHttp {

    private PosHttp() {}

    static <T> T client(Class<T> api, PartnerSettings settings) {
        var http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return Feign.builder()
                .client(new Http2Client(http))
                .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
                .retryer(Retryer.NEVER_RETRY)
                .target(Target.EmptyTarget.create(api));
    }

    static byte[] answer(Response response, int maxBytes) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readNBytes(maxBytes);
        }
    }

    static Optional<String> firstHeader(Response response, String name) {
        return response.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .findFirst();
    }
}
