/** HQ's page for the training material of the version on its way: the quiz in every language, and its preview. */
package org.charter.web.training;
