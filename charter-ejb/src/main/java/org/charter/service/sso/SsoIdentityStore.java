package org.charter.service.sso;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.charter.model.people.Role;

/** The identity store behind single sign-on: the provider's word, matched to an account by {@link SsoSignIn}. */
@ApplicationScoped
public class SsoIdentityStore implements IdentityStore {

    @Inject
    SsoSignIn signIn;

    public CredentialValidationResult validate(SsoCredential credential) {
        SsoOutcome outcome = signIn.complete(credential);
        credential.decided(outcome);
        if (outcome.result() != SsoOutcome.Result.SIGNED_IN) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(
                outcome.username(), outcome.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
}
