package org.charter.service.importing;

/** What an applied file did. */
public record ImportResult(ImportKind kind, int created, int changed, int unchanged) {}
