package io.qnt9.srs.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database that could not be reached or stopped answering, told apart from every other failure, and the 503
 * {@code database-unavailable} problem it is answered with — by the exception handler for controllers and by any
 * filter that reads the database before a controller runs (an API key check).
 */
public final class DatabaseFailures {

    /** What {@code Retry-After} says on a 503 database-unavailable. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseFailures() {}

    /**
     * Whether the failure comes from the database connection rather than from the request or our code: Spring's
     * resource-failure and transient exceptions, JDBC connection exceptions, SQLSTATE class 08 (connection exception)
     * or 57P (the server shutting down or starting), also behind a failed rollback that hid the original error.
     */
    public static boolean unreachable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof TransactionSystemException tse
                    && tse.getApplicationException() != null
                    && unreachable(tse.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's message: what the driver said (one log line per failed request, no stack trace). */
    public static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The 503 problem; send it with {@code Retry-After: }{@value #RETRY_AFTER_SECONDS}. */
    public static ProblemDetail problem() {
        return ApiException.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "Database unavailable",
                "The database could not be reached or did not answer; the request was not completed (a write that"
                        + " did not finish was rolled back). Retry in a few seconds.");
    }
}
