package org.charter.service.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.charter.model.common.BusinessException;
import org.junit.jupiter.api.Test;

class WebhookAddressesTest {

    @Test
    void theServerAndItsNetworksAreNotEndpoints() {
        for (String address : new String[] {
            "https://127.0.0.1/hook",
            "https://localhost:5432/",
            "https://10.1.2.3/hook",
            "https://192.168.0.10/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/hook",
            "https://0.0.0.0/"
        }) {
            BusinessException refused = assertThrows(
                    BusinessException.class,
                    () -> WebhookAddresses.requireAllowed(URI.create(address), false),
                    address);
            assertEquals("webhook.private", refused.getMessageKey(), address);
        }
    }

    @Test
    void onlyAbsoluteHttpsAddressesAreTaken() {
        assertEquals("webhook.https", refusal("http://93.184.215.14/hook"));
        assertEquals("webhook.url", refusal("ftp://93.184.215.14/hook"));
        assertEquals("webhook.url", refusal("/relative/hook"));
        assertDoesNotThrow(() -> WebhookAddresses.requireAllowed(URI.create("https://93.184.215.14/hook"), false));
        // a development or test installation may point at itself
        assertDoesNotThrow(() -> WebhookAddresses.requireAllowed(URI.create("http://127.0.0.1:8080/hook"), true));
    }

    @Test
    void theSignatureCoversIdTimeAndBody() {
        String secret = WebhookSignature.newSecret();
        String signature = WebhookSignature.sign(secret, "d-1", 1_700_000_000L, "{\"a\":1}");
        assertEquals(signature, WebhookSignature.sign(secret, "d-1", 1_700_000_000L, "{\"a\":1}"));
        org.junit.jupiter.api.Assertions.assertNotEquals(
                signature, WebhookSignature.sign(secret, "d-2", 1_700_000_000L, "{\"a\":1}"));
        org.junit.jupiter.api.Assertions.assertNotEquals(
                signature, WebhookSignature.sign(secret, "d-1", 1_700_000_001L, "{\"a\":1}"));
        org.junit.jupiter.api.Assertions.assertNotEquals(
                signature, WebhookSignature.sign(secret, "d-1", 1_700_000_000L, "{\"a\":2}"));
        assertEquals(47, signature.length(), signature);
    }

    private static String refusal(String address) {
        return assertThrows(BusinessException.class, () -> WebhookAddresses.requireAllowed(URI.create(address), false))
                .getMessageKey();
    }
}
