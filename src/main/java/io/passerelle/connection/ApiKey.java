package io.passerelle.connection;

/**
 * A freshly generated API key: the only time its value exists in clear. Passerelle keeps its hash.
 *
 * @param hint the first characters, shown later to tell keys apart
 */
public record ApiKey(String value, String hint) {

    @Override
    public String toString() {
        return "ApiKey[" + hint + "…]";
    }
}
