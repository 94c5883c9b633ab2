package io.cellgate.usage;

import io.cellgate.common.problem.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * A usage period as the API names it: YYYY-MM, the month it starts in. A period starts on the tenant's billing day
 * (00:00 UTC) and lasts a month; with billing day 1 it is the calendar month.
 */
final class Period {
    static final String PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    /** How the usage answers describe their period, in the contract. */
    static final String NAME = "The month the period starts in";
    static final String START = "The period's first day: the tenant's billing day, from 00:00 UTC";
    static final String END = "The day after the period's last day (the next period's first)";

    private Period() {
    }

    /** The first day of the month named by the query parameter, or null for the current period. */
    static LocalDate monthStart(String period) {
        if (period == null) {
            return null;
        }
        try {
            if (period.matches(PATTERN)) {
                return YearMonth.parse(period).atDay(1);
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal
        }
        throw ProblemException.invalid("period", "a month as YYYY-MM, e.g. 2026-12");
    }

    /** The name of the period that starts on this day. */
    static String name(LocalDate start) {
        return YearMonth.from(start).toString();
    }
}
