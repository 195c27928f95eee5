package io.passerelle.connection;

import io.passerelle.partner.PushTarget;

/**
 * An enabled push-style connection and where and how to call its POS.
 *
 * @param target null when the connection has no webhook URL or no signing secret; its secret is in clear: keep this
 *               object short-lived
 */
public record CallablePushConnection(PushConnection connection, PushTarget target) {}
