/**
 * CSV imports of staff and stores by HQ: upload, a preview with each line's errors, then apply all of it in one
 * transaction or nothing. Lines are matched by employee number and store code, so importing the same file again
 * changes nothing.
 */
package org.charter.service.importing;
