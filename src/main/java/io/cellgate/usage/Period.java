package io.cellgate.usage;

import io.cellgate.common.problem.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A usage period: a UTC calendar month, written YYYY-MM. */
final class Period {
    static final String PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    private Period() {
    }

    /** The month named by the query parameter, or the current one when it is absent. */
    static YearMonth parse(String period) {
        if (period == null) {
            return YearMonth.now(ZoneOffset.UTC);
        }
        try {
            if (period.matches(PATTERN)) {
                return YearMonth.parse(period);
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal
        }
        throw ProblemException.invalid("period", "a month as YYYY-MM, e.g. 2026-12");
    }

    static LocalDate firstDay(YearMonth month) {
        return month.atDay(1);
    }
}
