package org.charter.service.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API tokens: {@code chr_} and 43 characters of 256 random bits. A token that random needs no slow hash; its
 * SHA-256 is what the database keeps and what a call is looked up by.
 */
public final class TokenSecrets {

    public static final String MARK = "chr_";

    /** How much of a token stays visible in lists and the audit trail: the mark and 8 characters. */
    public static final int PREFIX_LENGTH = MARK.length() + 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {}

    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String prefix(String token) {
        return token.substring(0, PREFIX_LENGTH);
    }

    /** Hex SHA-256 of what the client sent, as sent. */
    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
