/**
 * The public read side: a franchise's charter in force, as customers read it at {@code /c/{franchise}} and
 * {@code /c/{franchise}/{store}}. No sign-in: the franchise comes from the address, read-only, and only
 * published content (public sections of versions that were in force) is ever read.
 */
package org.charter.service.publication;
