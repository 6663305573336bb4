package org.charter.service.api;

import java.time.OffsetDateTime;

/** A token just made: the only moment its secret exists outside the client. */
public record NewToken(String id, String name, String token, OffsetDateTime expiresAt)
        implements java.io.Serializable {}
