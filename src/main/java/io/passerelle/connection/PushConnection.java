package io.passerelle.connection;

/** An enabled push-style connection as the sync engine needs it: no secret. */
public record PushConnection(long connectionId, long restaurantId, String partnerCode) {

    static PushConnection of(PartnerConnection connection) {
        return new PushConnection(connection.getId(), connection.getRestaurantId(), connection.getPartnerCode());
    }
}
