package org.charter.web.sso;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.ZonedDateTime;
import java.util.List;
import org.charter.model.sso.SsoMatch;
import org.charter.service.franchise.FranchiseClock;
import org.charter.service.sso.SsoForm;
import org.charter.service.sso.SsoSettings;
import org.charter.service.sso.SsoView;
import org.charter.web.shell.Texts;

/**
 * {@code /hq/sso.xhtml}: HQ connects the franchise's OpenID provider, sees the two addresses to register with it,
 * and switches single sign-on on or off. The client secret is typed, never shown: left blank it stays as kept.
 */
@Named
@ViewScoped
public class SsoBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SsoSettings settings;

    @Inject
    FranchiseClock clock;

    private SsoView current;
    private String slug;
    private String base;
    private java.time.ZoneId zone;

    private String issuer;
    private String clientId;
    private String clientSecret;
    private String claim = "email";
    private SsoMatch matchBy = SsoMatch.EMAIL;
    private boolean enabled = true;

    public void load() {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        base = SsoAddresses.base(request);
        slug = settings.franchiseSlug();
        zone = clock.zone();
        current = settings.current().orElse(null);
        if (current != null) {
            issuer = current.issuer();
            clientId = current.clientId();
            claim = current.claim();
            matchBy = current.matchBy();
            enabled = current.enabled();
        }
    }

    public void save() {
        settings.save(new SsoForm(issuer, clientId, clientSecret, claim, matchBy, enabled));
        clientSecret = null;
        Texts.info(enabled ? "sso.saved" : "sso.savedOff");
        load();
    }

    public String getSignInAddress() {
        return base + SsoAddresses.START + "?franchise=" + slug;
    }

    public String getCallbackAddress() {
        return base + SsoAddresses.CALLBACK;
    }

    public ZonedDateTime getUpdatedAt() {
        return current == null ? null : current.updatedAt().atZoneSameInstant(zone);
    }

    public List<SsoMatch> getMatches() {
        return List.of(SsoMatch.values());
    }

    public SsoView getCurrent() {
        return current;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getClaim() {
        return claim;
    }

    public void setClaim(String claim) {
        this.claim = claim;
    }

    public SsoMatch getMatchBy() {
        return matchBy;
    }

    public void setMatchBy(SsoMatch matchBy) {
        this.matchBy = matchBy;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
