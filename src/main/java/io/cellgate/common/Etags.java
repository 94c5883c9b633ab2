package io.cellgate.common;

/** Optimistic concurrency with ETag / If-Match: writes say which version they change. */
public final class Etags {
    private Etags() {
    }

    public static void require(String ifMatch, long current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of " + what + " (current ETag \"" + current + "\")");
        }
        check(ifMatch, current, what);
    }

    public static void check(String ifMatch, long current, String what) {
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals("\"" + current + "\"")) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, what + " changed since you read it (If-Match "
                    + ifMatch + ", current ETag \"" + current + "\")");
        }
    }
}
