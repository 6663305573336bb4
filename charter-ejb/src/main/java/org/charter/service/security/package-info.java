/**
 * Sign-in: PBKDF2 hashes with explicit parameters, failed attempts slowed down under a row lock, one-time
 * set-password codes. Works on the account registry, before any tenant is known.
 */
package org.charter.service.security;
