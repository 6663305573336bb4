package org.charter.service.api;

import org.charter.model.store.Store;

/** A store as the API shows and takes it, keyed by its code; {@code version} is its entity tag. */
public record StoreRecord(
        String code,
        String name,
        String region,
        String street,
        String postalCode,
        String city,
        String country,
        String timeZone,
        Boolean open,
        Long version) {

    static StoreRecord of(Store store) {
        return new StoreRecord(
                store.getCode(),
                store.getName(),
                store.getRegion() == null ? null : store.getRegion().getName(),
                store.getStreet(),
                store.getPostalCode(),
                store.getCity(),
                store.getCountry(),
                store.getTimeZone(),
                store.isActive(),
                store.getVersion());
    }
}
