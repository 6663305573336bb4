package org.charter.service.store;

import java.util.List;

/** What HQ fills in for a store. {@code version} is the one the form was loaded with (0 for a new store). */
public record StoreForm(
        String code,
        String name,
        String regionId,
        String street,
        String postalCode,
        String city,
        String country,
        String timeZone,
        List<ChannelForm> channels,
        long version) {

    public StoreForm {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
