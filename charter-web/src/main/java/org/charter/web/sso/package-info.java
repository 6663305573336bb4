/**
 * Single sign-on on the web: the start of a sign-in at the franchise's provider ({@code /sso/start}), the
 * provider's callback ({@code /sso/callback}) and HQ's settings page ({@code /hq/sso.xhtml}).
 */
package org.charter.web.sso;
