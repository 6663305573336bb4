package org.charter.service.api;

import java.util.Set;
import org.charter.model.api.ApiScope;

/** What HQ chooses for a new token: a name to recognise it by, what it may do, and for how many days. */
public record TokenForm(String name, Set<ApiScope> scopes, int days) {

    public TokenForm {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }
}
