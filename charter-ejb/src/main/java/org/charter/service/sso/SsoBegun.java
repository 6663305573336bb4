package org.charter.service.sso;

import java.io.Serializable;

/**
 * A sign-in sent to the provider: the address to send the browser to, and what the callback must match (state)
 * and keep using (nonce, PKCE verifier). The page layer keeps it in the person's session until the callback.
 */
public record SsoBegun(String franchiseId, String authorizationUri, String state, String nonce, String verifier)
        implements Serializable {}
