package org.charter.service.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Within the request that signs someone in: where the attempt comes from, set by the page layer, and the
 * credential generation the password was checked against, for the page layer to keep in the new session (a
 * later reset of password, PIN or access ends that session).
 */
@RequestScoped
public class SignInReceipt {

    private String username;
    private int generation = -1;
    private String source = "unknown";

    /** Where this request's sign-in attempt comes from (the client address), set by the page layer first. */
    public void from(String clientAddress) {
        this.source = clientAddress == null ? "unknown" : clientAddress;
    }

    String source() {
        return source;
    }

    /** Records who this request signed in, with the generation of the credentials that were checked. */
    public void signedIn(String username, int generation) {
        this.username = username;
        this.generation = generation;
    }

    /** The generation for {@code username}, or -1 when this request signed nobody in. */
    public int generationOf(String username) {
        return username != null && username.equals(this.username) ? generation : -1;
    }
}
