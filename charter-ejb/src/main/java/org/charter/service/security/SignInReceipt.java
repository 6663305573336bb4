package org.charter.service.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Within the request that signs someone in: the credential generation their password was checked against,
 * for the page layer to keep in the new session (a later reset of password, PIN or access ends that session).
 */
@RequestScoped
public class SignInReceipt {

    private String username;
    private int generation = -1;

    void signedIn(String username, int generation) {
        this.username = username;
        this.generation = generation;
    }

    /** The generation for {@code username}, or -1 when this request signed nobody in. */
    public int generationOf(String username) {
        return username != null && username.equals(this.username) ? generation : -1;
    }
}
