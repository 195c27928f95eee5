package io.passerelle.partner.webhook;

import feign.HeaderMap;
import feign.Param;
import feign.RequestLine;
import feign.Response;
import java.net.URI;
import java.util.Map;

/**
 * The POS's pay-at-table server (PROTOCOL.md), addressed by installation ID. Path values are encoded, a slash too
 * ({@code decodeSlash = false}): a table named "T1/2" stays one segment.
 */
interface PayAtTableApi {

    @RequestLine(value = "GET /installations/{installation}", decodeSlash = false)
    Response installation(URI server, @HeaderMap Map<String, Object> headers,
            @Param("installation") String installation);

    @RequestLine(value = "GET /installations/{installation}/tables/{table}/bill", decodeSlash = false)
    Response bill(URI server, @HeaderMap Map<String, Object> headers, @Param("installation") String installation,
            @Param("table") String table);

    @RequestLine(value = "POST /installations/{installation}/bills/{bill}/payments", decodeSlash = false)
    Response pay(URI server, @HeaderMap Map<String, Object> headers, @Param("installation") String installation,
            @Param("bill") String billId, byte[] body);
}
