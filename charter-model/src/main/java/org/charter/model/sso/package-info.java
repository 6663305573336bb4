/**
 * Single sign-on: the OpenID provider a franchise signs its people in with, and how the provider's answer is
 * matched to one of the franchise's own accounts.
 */
package org.charter.model.sso;
