package org.charter.service.sso;

import jakarta.security.enterprise.credential.Credential;

/**
 * What the provider's callback brought back, with what the flow kept from its start: checked by
 * {@link SsoIdentityStore}, which leaves the outcome here for the page layer to tell the person.
 */
public final class SsoCredential implements Credential {

    private final String franchiseId;
    private final String code;
    private final String verifier;
    private final String nonce;
    private final String redirectUri;
    private SsoOutcome outcome = SsoOutcome.refused();

    public SsoCredential(String franchiseId, String code, String verifier, String nonce, String redirectUri) {
        this.franchiseId = franchiseId;
        this.code = code;
        this.verifier = verifier;
        this.nonce = nonce;
        this.redirectUri = redirectUri;
    }

    public String franchiseId() {
        return franchiseId;
    }

    public String code() {
        return code;
    }

    public String verifier() {
        return verifier;
    }

    public String nonce() {
        return nonce;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public SsoOutcome outcome() {
        return outcome;
    }

    void decided(SsoOutcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public void clear() {
        // nothing secret is held: the code is single-use and bound to the verifier
    }
}
