package org.mandate.indicator.internal;

import java.util.List;

/** Receives the records of a file as read, one at a time: the row (or line) number and its cells as text. */
@FunctionalInterface
public interface RecordHandler {
    /**
     * @param row the row as the spreadsheet numbers it, or the line a CSV record starts on (the first is 1)
     * @param cells the cells by column position, blank cells as empty text; valid during the call only
     */
    void record(int row, List<String> cells);
}
