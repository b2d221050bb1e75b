package org.mandate.web;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Uploaded spreadsheets (task and indicator imports) are unzipped by Apache POI in memory. Its
 * defaults let a part inflate to 4 GB (at up to 100 times its compressed size), so a small crafted
 * .xlsx could take the server's memory. This caps each part of a workbook at {@code
 * mandate.web.max-spreadsheet-part} (default 256 MB: the sheet of a million values is about 100 MB);
 * POI's own check that no part inflates more than 100 times stays. POI's settings are global to
 * the JVM.
 */
@Component
class SpreadsheetLimits {
    SpreadsheetLimits(@Value("${mandate.web.max-spreadsheet-part:256MB}") DataSize maxPart) {
        ZipSecureFile.setMaxEntrySize(maxPart.toBytes());
    }
}
