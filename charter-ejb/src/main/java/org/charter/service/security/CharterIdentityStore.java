package org.charter.service.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.charter.model.people.Role;

/** The identity store behind form login: accounts in the database, failures counted by {@link SignInService}. */
@ApplicationScoped
public class CharterIdentityStore implements IdentityStore {

    @Inject
    SignInService signIn;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        SignInOutcome outcome = signIn.signIn(credential.getCaller(), credential.getPasswordAsString());
        if (outcome.result() != SignInOutcome.Result.SIGNED_IN) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(
                credential.getCaller().strip().toLowerCase(java.util.Locale.ROOT),
                outcome.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
}
