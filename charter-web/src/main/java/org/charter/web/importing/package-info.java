/** HQ's CSV import page: upload, preview with each line's errors in the reader's language, apply. */
package org.charter.web.importing;
