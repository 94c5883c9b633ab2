package io.cellgate.common.db;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;

/** Recognises PostgreSQL errors that the API answers with a specific problem rather than a 500. */
public final class PgErrors {
    private PgErrors() {
    }

    public static boolean isUniqueViolation(Throwable error) {
        return sqlState(error, "23505");
    }

    public static boolean isExclusionViolation(Throwable error) {
        return sqlState(error, "23P01");
    }

    public static boolean isCheckViolation(Throwable error) {
        return sqlState(error, "23514");
    }

    /** PostgreSQL ended the transaction to break a deadlock: done again from the start, it succeeds. */
    public static boolean isDeadlock(Throwable error) {
        return sqlState(error, "40P01");
    }

    /**
     * The database cannot be reached or is going away (restarting, shut down, out of connections): nothing of the
     * request was done, and the same request succeeds once it is back.
     */
    public static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null && (pg.getSqlState().startsWith("08")
                    || pg.getSqlState().startsWith("57P") || pg.getSqlState().equals("53300"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sqlState(Throwable error, String state) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && state.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
