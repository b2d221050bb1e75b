package org.mandate.shared;

import java.util.List;

/**
 * Every problem found in the rows of one file, each at a row and a column, so that the file is
 * fixed in one pass rather than one error per upload. Web layers answer 400 and list them all.
 */
public class RowProblems extends InputProblem {
    /** One problem: the row as the spreadsheet numbers it, the column by its header, and why. */
    public record At(int row, String column, String reason) {}

    private final List<At> problems;

    public RowProblems(String file, List<At> problems) {
        super(file, 0, null, summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<At> problems() {
        return problems;
    }

    private static String summary(List<At> problems) {
        long rows = problems.stream().mapToInt(At::row).distinct().count();
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + rows
                + (rows == 1 ? " row" : " rows") + "; nothing was imported. Fix every row listed in 'errors'"
                + " and upload the file again";
    }
}
