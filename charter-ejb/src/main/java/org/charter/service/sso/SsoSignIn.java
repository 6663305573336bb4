package org.charter.service.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.charter.service.security.SecretBox;
import org.charter.service.security.SignInReceipt;
import org.charter.service.sso.SsoDirectory.Connection;
import org.charter.service.sso.SsoDirectory.Match;

/**
 * Signs a person in through their franchise's OpenID provider. Nobody is signed in yet, so the franchise comes
 * from the sign-in address (its slug) and, at the callback, from what the flow kept in the person's own session;
 * the provider's word then names one of that franchise's accounts by the claim HQ chose, or nobody. An account
 * is never made here: a subject the franchise does not know is refused. The calls to the provider run outside any
 * transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SsoSignIn {

    private static final Logger LOG = Logger.getLogger(SsoSignIn.class.getName());

    @Inject
    SsoDirectory directory;

    @Inject
    OidcClient oidc;

    @Inject
    SecretBox secrets;

    @Inject
    SignInReceipt receipt;

    /**
     * Begins a sign-in for the franchise with {@code slug}: empty when it has no single sign-on switched on (or no
     * such franchise is active, which looks the same); an exception when its provider cannot be asked.
     */
    public Optional<SsoBegun> begin(String slug, String redirectUri) throws OidcClient.ProviderException {
        Optional<Connection> connection = directory.bySlug(slug);
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        Connection c = connection.get();
        OidcClient.Begun begun = oidc.begin(c.issuer(), c.clientId(), redirectUri);
        return Optional.of(new SsoBegun(
                c.franchiseId(), begun.authorizationUri(), begun.state(), begun.nonce(), begun.verifier()));
    }

    /** Finishes the sign-in the provider sent back: the account it names, or why there is none. */
    public SsoOutcome complete(SsoCredential credential) {
        Optional<Connection> connection = directory.byFranchise(credential.franchiseId());
        if (connection.isEmpty()) {
            return SsoOutcome.unavailable();
        }
        Connection c = connection.get();
        JWTClaimsSet claims;
        try {
            String secret = secrets.open(c.sealedSecret(), SsoSettings.context(c.franchiseId()));
            claims = oidc.exchange(
                    c.issuer(),
                    c.clientId(),
                    secret,
                    credential.code(),
                    credential.verifier(),
                    credential.redirectUri(),
                    credential.nonce());
        } catch (OidcClient.ProviderException e) {
            LOG.log(Level.WARNING, "Single sign-on of franchise {0} failed at the provider: {1}", new Object[] {
                c.franchiseId(), e.getMessage()
            });
            return SsoOutcome.unavailable();
        }
        Optional<String> value = claimValue(claims, c.claim());
        if (value.isEmpty() || Boolean.FALSE.equals(claims.getClaim("email_verified")) && "email".equals(c.claim())) {
            LOG.log(
                    Level.INFO,
                    "Single sign-on of franchise {0} refused: the ID token has no usable {1}",
                    new Object[] {c.franchiseId(), c.claim()});
            return SsoOutcome.refused();
        }
        Optional<Match> match = directory.account(c.franchiseId(), c.matchBy(), value.get());
        if (match.isEmpty()) {
            LOG.log(
                    Level.INFO,
                    "Single sign-on of franchise {0} refused: subject {1} matches no account",
                    new Object[] {c.franchiseId(), claims.getSubject()});
            return SsoOutcome.refused();
        }
        Match m = match.get();
        receipt.signedIn(m.username(), m.generation());
        return SsoOutcome.signedIn(m.username(), m.roles(), m.generation());
    }

    private static Optional<String> claimValue(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value instanceof String text && !text.isBlank() && text.length() <= 254) {
            return Optional.of(text.strip());
        }
        if (value instanceof Number number) {
            return Optional.of(number.toString());
        }
        return Optional.empty();
    }
}
