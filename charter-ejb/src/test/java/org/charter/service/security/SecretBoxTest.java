package org.charter.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

    private final SecretBox box = SecretBox.withKey(KEY);

    @Test
    void aSealedSecretOpensForItsOwnRowOnly() {
        String sealed = box.seal("client-secret-1", "sso_connection:a");
        assertTrue(SecretBox.isSealed(sealed), sealed);
        assertFalse(sealed.contains("client-secret-1"), sealed);
        assertEquals("client-secret-1", box.open(sealed, "sso_connection:a"));
        IllegalStateException moved =
                assertThrows(IllegalStateException.class, () -> box.open(sealed, "sso_connection:b"));
        assertFalse(moved.getMessage().contains("client-secret-1"));
    }

    @Test
    void eachSealIsDifferentAndEveryChangedCharacterIsCaught() {
        String first = box.seal("same", "ctx");
        String second = box.seal("same", "ctx");
        assertNotEquals(first, second, "a fresh nonce each time");
        int last = first.length() - 3;
        char changed = first.charAt(last) == 'A' ? 'B' : 'A';
        String tampered = first.substring(0, last) + changed + first.substring(last + 1);
        assertThrows(IllegalStateException.class, () -> box.open(tampered, "ctx"));
    }

    @Test
    void aSecretSealedWithAnotherKeyIsToldApart() {
        String sealed = SecretBox.withKey(OTHER_KEY).seal("x", "ctx");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> box.open(sealed, "ctx"));
        assertTrue(e.getMessage().contains("another key"), e.getMessage());
    }

    @Test
    void onlyThirtyTwoBytesInBase64AreAKey() {
        assertThrows(IllegalStateException.class, () -> SecretBox.withKey("c2hvcnQ="));
        assertThrows(IllegalStateException.class, () -> SecretBox.withKey("not base64!"));
    }
}
