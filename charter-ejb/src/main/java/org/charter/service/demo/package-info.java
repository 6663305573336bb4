/** The demo franchise a newcomer signs in to, loaded once when enabled. */
package org.charter.service.demo;
