/** Figures for each role's landing page, each from one aggregate query. */
package org.charter.service.dashboard;
