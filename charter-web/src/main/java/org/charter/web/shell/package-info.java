/** The frame around every page: sign-in mechanism, layout helpers, language, headers, error handling. */
package org.charter.web.shell;
