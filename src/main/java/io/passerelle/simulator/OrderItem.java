package io.passerelle.simulator;

/** A line on a bill, as the protocol's {@code items} carry it. */
record OrderItem(String name, int quantity, Money unitPrice) {

    public OrderItem {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an item needs a name");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
    }

    Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
