package io.cellgate.events;

/**
 * Where a reader of a tenant's events stands: the writing transaction and the insertion number of the last event it
 * has (the key of its cursor, "tx.position"). Events come in the order of their transactions: a reader only ever gets
 * events of transactions older than any still running, so none can commit behind a position already handed out.
 */
record EventPosition(long tx, long position) {
    static final EventPosition START = new EventPosition(0, 0);

    /** Reads a cursor's key; anything else is an IllegalArgumentException (a 422 through the cursor's decoding). */
    static EventPosition parse(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("not an event position");
        }
        long tx = Long.parseLong(text.substring(0, dot));
        long position = Long.parseLong(text.substring(dot + 1));
        if (tx < 0 || position < 0) {
            throw new IllegalArgumentException("not an event position");
        }
        return new EventPosition(tx, position);
    }

    @Override
    public String toString() {
        return tx + "." + position;
    }
}
