package org.charter.service.api;

/**
 * The outcome of a write by key: the record as it is now, whether it was created, whether anything changed, and
 * for a new person the one-time code that lets them choose a password.
 */
public record Upserted<T>(T record, boolean created, boolean changed, String setupCode) {}
