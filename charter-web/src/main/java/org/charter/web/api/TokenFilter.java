package org.charter.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.OptionalLong;
import org.charter.service.api.TokenSecrets;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.SignedIn;

/**
 * The door of {@code /api/v1}: every call there carries {@code Authorization: Bearer chr_…}. The token is looked
 * up by its hash, and the caller it stands for (its franchise, its scopes) is what the services see for the rest of
 * the request; nothing else in the request can name a franchise. Then the token's calls per second are counted.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Callers callers;

    @Inject
    ApiLimits limits;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("v1")) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<SignedIn> caller = Optional.empty();
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            if (token.startsWith(TokenSecrets.MARK) && token.length() < 100) {
                caller = callers.checkTokenAtRequestStart(TokenSecrets.hash(token));
            }
        }
        if (caller.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.answer(headers, 401, "api.error.token"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"charter\"")
                    .build());
            return;
        }
        OptionalLong wait = limits.tryCall(caller.get().username());
        if (wait.isPresent()) {
            request.abortWith(Response.fromResponse(Problem.answer(headers, 429, "api.error.tooMany", wait.getAsLong()))
                    .header(HttpHeaders.RETRY_AFTER, wait.getAsLong())
                    .build());
        }
    }
}
