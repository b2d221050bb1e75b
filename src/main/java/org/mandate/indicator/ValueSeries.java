package org.mandate.indicator;

import java.util.List;

/**
 * The figures of a read and what could not be computed or carried, said in words.
 *
 * @param total the number of items
 */
public record ValueSeries(long total, List<ValueItem> items, List<String> notes) {}
