package org.charter.service.people;

import java.io.Serializable;

/**
 * A one-time set-password code, shown once to whoever created or reset the account, to be handed to the
 * person. Only its hash is kept.
 */
public record Issued(String personId, String username, String code) implements Serializable {}
