package io.passerelle.partner.webhook;

import feign.HeaderMap;
import feign.RequestLine;
import feign.Response;
import java.net.URI;
import java.util.Map;

/** The one outbound call to a push-style POS: a POST of signed bytes to the connection's webhook URL. */
interface PosWebhookApi {

    /** Returns the raw response whatever its status: {@link DeliveryClassifier} decides what it means. */
    @RequestLine("POST")
    Response deliver(URI webhookUrl, @HeaderMap Map<String, Object> headers, byte[] body);
}
