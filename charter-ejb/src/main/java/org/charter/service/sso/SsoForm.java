package org.charter.service.sso;

import org.charter.model.sso.SsoMatch;

/**
 * What HQ types to connect the franchise's OpenID provider. {@code clientSecret} blank keeps the secret already
 * kept; it is never shown back.
 */
public record SsoForm(
        String issuer, String clientId, String clientSecret, String claim, SsoMatch matchBy, boolean enabled) {}
