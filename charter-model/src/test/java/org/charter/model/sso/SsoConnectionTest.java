package org.charter.model.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import org.charter.model.common.BusinessException;
import org.junit.jupiter.api.Test;

class SsoConnectionTest {

    @Test
    void theIssuerIsAnHttpsAddressWithoutQueryOrFragment() {
        assertEquals(
                "https://login.example.com/realms/a",
                SsoConnection.checkIssuer(" https://login.example.com/realms/a/ ", false));
        for (String wrong : new String[] {
            "", "login.example.com", "http://login.example.com", "https://login.example.com/?x=1",
            "https://login.example.com/#f", "https://user@login.example.com", "ftp://login.example.com", "https://"
        }) {
            BusinessException e =
                    assertThrows(BusinessException.class, () -> SsoConnection.checkIssuer(wrong, false), wrong);
            assertEquals(wrong.isEmpty() ? "error.required" : "error.sso.issuer", e.getMessageKey(), wrong);
        }
        assertEquals("http://127.0.0.1:8080/idp", SsoConnection.checkIssuer("http://127.0.0.1:8080/idp", true));
    }

    @Test
    void aNewConnectionNeedsASecretAndAChangeMayKeepIt() {
        SsoConnection c = new SsoConnection("f");
        BusinessException missing = assertThrows(BusinessException.class, () -> configure(c, null, "email"));
        assertEquals("error.required", missing.getMessageKey());
        configure(c, "sealed1:aa:bb", "email");
        configure(c, null, "preferred_username");
        assertEquals("sealed1:aa:bb", c.getSealedSecret());
        assertEquals("preferred_username", c.getClaim());
        BusinessException claim = assertThrows(BusinessException.class, () -> configure(c, null, "no spaces"));
        assertEquals("error.sso.claim", claim.getMessageKey());
    }

    private static void configure(SsoConnection c, String sealed, String claim) {
        c.configure(
                "https://idp.example.com",
                "client",
                sealed,
                claim,
                SsoMatch.EMAIL,
                true,
                false,
                "hq",
                OffsetDateTime.now());
    }
}
