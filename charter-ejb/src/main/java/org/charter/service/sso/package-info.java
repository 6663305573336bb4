/**
 * Single sign-on with a franchise's own OpenID provider: HQ's settings ({@link org.charter.service.sso.SsoSettings}),
 * the authorization code flow with PKCE against the provider ({@link org.charter.service.sso.OidcClient}), and the
 * sign-in that matches the provider's answer to one of the franchise's accounts
 * ({@link org.charter.service.sso.SsoSignIn}). Passwords and the shared-device PIN stay as they are.
 */
package org.charter.service.sso;
