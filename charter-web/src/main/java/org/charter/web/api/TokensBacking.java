package org.charter.web.api;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.charter.model.api.ApiScope;
import org.charter.model.api.ApiToken;
import org.charter.service.api.ApiTokens;
import org.charter.service.api.NewToken;
import org.charter.service.api.TokenForm;
import org.charter.web.shell.Texts;

/** {@code /hq/tokens.xhtml}: HQ makes, reads and revokes the franchise's API tokens. */
@Named
@ViewScoped
public class TokensBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    org.charter.service.franchise.FranchiseClock clock;

    @Inject
    ApiTokens tokens;

    private List<ApiToken> list;
    private ZoneId zone;

    private String name;
    private List<String> scopes = new java.util.ArrayList<>(List.of(ApiScope.READ.name()));
    private Integer days = 365;

    /** The token just made, shown once on this page and never again. */
    private NewToken made;

    public void load() {
        list = tokens.list();
        zone = clock.zone();
    }

    public void create() {
        Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
        if (scopes != null) {
            scopes.stream().map(ApiScope::valueOf).forEach(chosen::add);
        }
        made = tokens.create(new TokenForm(name, chosen, days == null ? 0 : days));
        Texts.info("tokens.created", made.name());
        name = null;
        load();
    }

    public void revoke(ApiToken token) {
        tokens.revoke(token.getId());
        Texts.info("tokens.revoked", token.getName());
        made = null;
        load();
    }

    /** A time on the franchise's clock. */
    public ZonedDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(zone);
    }

    /** In use, revoked or expired, as one word for the list. */
    public String state(ApiToken token) {
        if (token.getRevokedAt() != null) {
            return "revoked";
        }
        return token.getExpiresAt().isAfter(OffsetDateTime.now()) ? "active" : "expired";
    }

    public List<ApiScope> getAllScopes() {
        return List.of(ApiScope.values());
    }

    public List<ApiToken> getList() {
        return list;
    }

    public NewToken getMade() {
        return made;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }
}
