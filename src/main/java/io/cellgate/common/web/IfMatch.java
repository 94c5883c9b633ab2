package io.cellgate.common.web;

import io.cellgate.common.problem.ProblemException;
import io.cellgate.common.problem.ProblemType;

/**
 * The one rule for writes to a versioned resource (a resource whose answers carry an ETag): the request says which
 * version it changes with If-Match, the ETag it read, or {@code *} for whatever the current version is. Without it the
 * write is refused with 428, with a stale ETag with 412, so that two clients never overwrite each other unknowingly.
 */
public final class IfMatch {
    public static final String HEADER = "If-Match";
    /** The ETags of this API are versions in quotes. */
    public static final String ETAG_PATTERN = "^\"[0-9]{1,19}\"$";
    /** If-Match names an ETag of this API, or with {@code *} whatever version is current. */
    public static final String PATTERN = "^\\*$|" + ETAG_PATTERN;
    public static final int MAX_LENGTH = 21;
    private static final java.util.regex.Pattern SYNTAX = java.util.regex.Pattern.compile(PATTERN);
    public static final String DESCRIPTION = "Required: the ETag of the version this write changes, or * for whatever"
            + " version is current; 428 without it, 412 when it is no longer current";

    private IfMatch() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Refuses (422) an If-Match that is neither an ETag of this API nor {@code *}: checked when a request arrives
     * ({@link RequestGuard}), before any work is done for it.
     */
    static void checkSyntax(String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank() && !SYNTAX.matcher(ifMatch).matches()) {
            throw ProblemException.invalid(HEADER, "an ETag of this API, such as \"3\", or *");
        }
    }

    /** Refuses a write whose If-Match is missing (428) or does not name version {@code current} (412). */
    public static void require(String ifMatch, long current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of " + what + " (current ETag " + etag(current) + "), or *");
        }
        if (!ifMatch.equals("*") && !ifMatch.equals(etag(current))) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The ETag of " + what + " is " + etag(current)
                    + " now, not the one in If-Match: read it again and repeat the write if it still fits");
        }
    }
}
