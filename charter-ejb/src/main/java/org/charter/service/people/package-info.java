/**
 * People, their sign-ins and store memberships. Nobody is deleted: people who leave are marked so and their
 * sign-in stops, because what they signed must keep their name. Staff without e-mail get one-time codes.
 */
package org.charter.service.people;
