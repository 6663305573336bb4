package org.charter.service.store;

/** A line of the stores list: the store and how many active people work there. */
public record StoreSummary(
        String id, String code, String name, String regionName, String city, boolean active, long people) {}
