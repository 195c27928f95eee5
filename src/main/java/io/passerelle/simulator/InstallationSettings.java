package io.passerelle.simulator;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One till installed at one restaurant, of either partner style.
 *
 * <p>Pull style (the Italian seed): the till calls Passerelle with HTTP Basic, restaurant public ID and the API
 * key Passerelle generated. Push style (the French seed): Passerelle calls the till's webhook, signed with the
 * connection's signing secret, and the till calls back with its own token; the installation ID is also what
 * pay at table addresses.
 *
 * @param installationId how this till is addressed: webhook path, pay-at-table installation ID, control API
 * @param style PULL or PUSH
 * @param restaurantId the restaurant's public ID in Passerelle
 * @param apiKey pull style: the password of HTTP Basic
 * @param token push style: sent as {@code Authorization: Bearer}
 * @param signingSecret push style: {@code whsec_<base64>}, verifies incoming webhooks
 * @param posVersion sent as {@code X-Pos-Version} and in the connection-test answer; may be null
 * @param menu what the restaurant sells
 */
public record InstallationSettings(
        String installationId,
        Style style,
        String restaurantId,
        String apiKey,
        String token,
        String signingSecret,
        String posVersion,
        Menu menu) {

    public enum Style {
        PULL,
        PUSH
    }

    static final String SECRET_PREFIX = "whsec_";

    private static final List<String> KEYS =
            List.of("installationId", "restaurantId", "apiKey", "token", "signingSecret", "posVersion", "menu");

    public InstallationSettings {
        Objects.requireNonNull(style, "style");
        require(restaurantId, "restaurantId");
        if (installationId == null || installationId.isBlank()) {
            installationId = restaurantId;
        }
        if (!installationId.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("installationId must be URL-safe (letters, digits, . _ ~ -), was '"
                    + installationId + "'");
        }
        if (style == Style.PULL) {
            require(apiKey, "apiKey");
        } else {
            require(token, "token");
            require(signingSecret, "signingSecret");
            decodeSecret(signingSecret);
        }
        if (menu == null) {
            menu = style == Style.PULL ? Menu.ITALIAN : Menu.FRENCH;
        }
    }

    public static InstallationSettings pull(String restaurantId, String apiKey) {
        return new InstallationSettings(null, Style.PULL, restaurantId, apiKey, null, null, null, null);
    }

    public static InstallationSettings push(String installationId, String restaurantId, String token,
            String signingSecret, String posVersion) {
        return new InstallationSettings(installationId, Style.PUSH, restaurantId, null, token, signingSecret,
                posVersion, null);
    }

    /**
     * Reads {@code pull:restaurantId=1042,apiKey=pk_...} or
     * {@code push:installationId=bistro-7,restaurantId=1043,token=...,signingSecret=whsec_...,posVersion=2.0.16};
     * optional on both: {@code installationId}, {@code posVersion}, {@code menu=it|fr}.
     */
    public static InstallationSettings parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("installation '" + mask(spec) + "' must start with pull: or push:");
        }
        Style style = switch (spec.substring(0, colon).trim().toLowerCase()) {
            case "pull" -> Style.PULL;
            case "push" -> Style.PUSH;
            default -> throw new IllegalArgumentException("installation style must be pull or push");
        };
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : spec.substring(colon + 1).split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            // Split at the first '=' only: base64 secrets end with '='.
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("installation setting '" + pair.split("=")[0] + "' has no value");
            }
            String key = pair.substring(0, equals).trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown installation setting '" + key + "' (known: " + KEYS + ")");
            }
            values.put(key, pair.substring(equals + 1).trim());
        }
        return new InstallationSettings(values.get("installationId"), style, values.get("restaurantId"),
                values.get("apiKey"), values.get("token"), values.get("signingSecret"), values.get("posVersion"),
                values.containsKey("menu") ? Menu.byCode(values.get("menu")) : null);
    }

    /** The HMAC key: the bytes after {@code whsec_}, base64-decoded, as Standard Webhooks defines them. */
    byte[] signingKey() {
        return decodeSecret(signingSecret);
    }

    private static byte[] decodeSecret(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("signingSecret must look like whsec_<base64>");
        }
        try {
            return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signingSecret must look like whsec_<base64>: the part after whsec_ is not base64");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static String mask(String spec) {
        return spec.replaceAll("(apiKey|token|signingSecret)=[^,]*", "$1=***");
    }

    /** Never prints a credential: settings end up in logs. */
    @Override
    public String toString() {
        return style.name().toLowerCase() + " installation " + installationId + " (restaurant " + restaurantId
                + (posVersion == null ? "" : ", POS " + posVersion) + ")";
    }
}
