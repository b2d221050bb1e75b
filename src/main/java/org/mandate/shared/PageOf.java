package org.mandate.shared;

import java.util.List;

/** One page of a longer result: the total count and the items of this page. */
public record PageOf<T>(long total, List<T> items) {}
